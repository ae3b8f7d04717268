package io.github.camelkapso.consumer.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.PollProfile;
import io.github.camelkapso.catalog.PollProfile.ListOrder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Picks the items of a walk that have not been emitted yet and puts them oldest first: by order value, ties in the
 * order Kapso created them (the reverse of a newest-first list), items without a readable value last.
 */
final class NewItemSelector {

    private final PollProfile profile;
    private final Duration lookback;
    private final IdempotentRepository idempotent;

    NewItemSelector(PollProfile profile, Duration lookback, IdempotentRepository idempotent) {
        this.profile = profile;
        this.lookback = lookback;
        this.idempotent = idempotent;
    }

    /** Lowest order value a poll still looks at: the mark, moved back by the lookback; null when there is no mark. */
    OrderValue threshold(PollState state) {
        return state.mark() == null ? null : state.mark().minus(lookback);
    }

    /** The items of a walk, each once (a list that grew during the walk can list an item on two pages), first kept. */
    List<PolledItem> distinct(List<JsonNode> walked) {
        Map<String, PolledItem> byId = new LinkedHashMap<>();
        int position = 0;
        for (JsonNode node : walked) {
            String id = PolledItem.idOf(node);
            if (!byId.containsKey(id)) {
                OrderValue value = OrderValue.of(node.get(profile.orderField()), profile.values());
                byId.put(id, new PolledItem(node, id, value, position, false));
            }
            position++;
        }
        return new ArrayList<>(byId.values());
    }

    /** Whether an item is not yet emitted as far as the watermark (and its lookback) can tell. */
    boolean isCandidate(PolledItem item, PollState state) {
        if (item.value() == null || state.isAfter(item.value(), item.id())) {
            return true;
        }
        OrderValue threshold = threshold(state);
        return threshold != null && item.value().compareTo(threshold) >= 0 && item.value().compareTo(state.mark()) < 0;
    }

    /** How many items of a walk so far would be emitted. */
    int countNew(List<JsonNode> walked, PollState state) {
        int n = 0;
        for (PolledItem item : distinct(walked)) {
            if (isCandidate(item, state) && !idempotent.contains(item.id())) {
                n++;
            }
        }
        return n;
    }

    PollPlan select(List<JsonNode> walked, PollState state, int maxMessagesPerPoll) {
        List<PolledItem> candidates = new ArrayList<>();
        for (PolledItem item : distinct(walked)) {
            if (isCandidate(item, state)) {
                candidates.add(new PolledItem(item.node(), item.id(), item.value(), item.position(), idempotent.contains(item.id())));
            }
        }
        candidates.sort(oldestFirst());
        int limit = maxMessagesPerPoll > 0 ? maxMessagesPerPoll : Integer.MAX_VALUE;
        List<PolledItem> leading = new ArrayList<>();
        List<PollPlan.Emit> emits = new ArrayList<>();
        List<PolledItem> trailing = leading;
        for (PolledItem item : candidates) {
            if (!item.duplicate()) {
                if (emits.size() == limit) {
                    break;
                }
                trailing = new ArrayList<>();
                emits.add(new PollPlan.Emit(item, trailing));
            } else if (item.value() != null) {
                trailing.add(item);
            }
        }
        return new PollPlan(leading, emits);
    }

    private Comparator<PolledItem> oldestFirst() {
        Comparator<PolledItem> creation = Comparator.comparingInt(PolledItem::position);
        if (profile.order() == ListOrder.NEWEST_FIRST) {
            creation = creation.reversed();
        }
        Comparator<PolledItem> byValue = Comparator.comparing(PolledItem::value, Comparator.nullsLast(Comparator.naturalOrder()));
        return byValue.thenComparing(creation);
    }
}
