package io.github.camelkapso.consumer.flows;

import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers the IVs of the Flows requests decrypted in the last {@code window} milliseconds, at most {@code capacity}
 * of them (the oldest are forgotten first). WhatsApp makes a fresh IV for every request, so an IV seen again within
 * the window is a replay: answering it would encrypt a second reply under the same key and flipped IV.
 */
final class FlowsReplayGuard {

    static final int DEFAULT_CAPACITY = 100_000;

    private final long windowMillis;
    private final int capacity;
    private final LongSupplier clock;
    /** IV (base64) to the time it was first seen, oldest first. */
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    FlowsReplayGuard(long windowMillis, int capacity, LongSupplier clock) {
        this.windowMillis = windowMillis;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Records the IV; false when it was already seen within the window (a replay). Always true with no window. */
    synchronized boolean firstUse(byte[] initialVector) {
        if (windowMillis <= 0) {
            return true;
        }
        long now = clock.getAsLong();
        forgetExpired(now);
        String key = Base64.getEncoder().encodeToString(initialVector);
        if (seen.containsKey(key)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(key, now);
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(long now) {
        Iterator<Map.Entry<String, Long>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && now - entries.next().getValue() >= windowMillis) {
            entries.remove();
        }
    }
}
