package io.github.camelkapso.simulator.ops.automation;

import java.util.HashMap;
import java.util.Map;

/**
 * Kapso's per-second burst limit on starting executions, counted per API key and workflow in fixed one-second
 * windows of real time (a rate, not a delay: the time factor does not scale it).
 */
final class BurstLimiter {

    /** The free/legacy plan limit; pro allows 15 and enterprise/platform 30. */
    static final int LIMIT_PER_SECOND = 5;

    /** The verdict on one request: whether it may pass and what is left of the window. */
    record Verdict(boolean allowed, int limit, int remaining) {
    }

    private final Map<String, long[]> windows = new HashMap<>();

    Verdict acquire(String key, long nowMillis) {
        long[] window = windows.computeIfAbsent(key, k -> new long[] {nowMillis, 0});
        if (nowMillis - window[0] >= 1000) {
            window[0] = nowMillis;
            window[1] = 0;
        }
        if (window[1] >= LIMIT_PER_SECOND) {
            return new Verdict(false, LIMIT_PER_SECOND, 0);
        }
        window[1]++;
        return new Verdict(true, LIMIT_PER_SECOND, (int) (LIMIT_PER_SECOND - window[1]));
    }
}
