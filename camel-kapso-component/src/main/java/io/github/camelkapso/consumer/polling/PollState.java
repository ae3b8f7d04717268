package io.github.camelkapso.consumer.polling;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The watermark of a polled list: the order value of the newest item emitted, and the ids emitted at exactly that
 * value (Kapso's timestamps are coarse: many messages share a second, so the value alone cannot tell a new item from an
 * old one). An item is new when its value is above the mark, or at the mark with an id not listed.
 *
 * @param mark      the order value of the newest item emitted, or null before anything was emitted
 * @param idsAtMark the ids emitted at {@code mark}
 */
record PollState(OrderValue mark, Set<String> idsAtMark) {

    static final PollState EMPTY = new PollState(null, Set.of());

    PollState {
        idsAtMark = Collections.unmodifiableSet(new LinkedHashSet<>(idsAtMark));
    }

    /** The state to start from when nothing is stored: nothing seen, or everything before {@code since}. */
    static PollState startingAt(OrderValue since) {
        return since == null ? EMPTY : new PollState(since, Set.of());
    }

    /** Whether the watermark alone says an item with this value and id has not been emitted. */
    boolean isAfter(OrderValue value, String id) {
        if (mark == null) {
            return true;
        }
        int c = value.compareTo(mark);
        return c > 0 || c == 0 && !idsAtMark.contains(id);
    }

    /** The state once the item with this value and id has been emitted (or skipped as a duplicate). */
    PollState advance(OrderValue value, String id) {
        if (value == null) {
            return this;
        }
        if (mark == null || value.compareTo(mark) > 0) {
            return new PollState(value, Set.of(id));
        }
        if (value.compareTo(mark) == 0 && !idsAtMark.contains(id)) {
            Set<String> ids = new LinkedHashSet<>(idsAtMark);
            ids.add(id);
            return new PollState(mark, ids);
        }
        return this;
    }
}
