package io.github.camelkapso.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order the variants run in within a round: as given in even rounds (the first is round 0), reversed in odd
 * ones, so that slow drift (JIT, GC, other load on the machine) hits every variant alike.
 */
final class RoundOrder {

    private RoundOrder() {
    }

    static <V> List<V> of(List<V> variants, int round) {
        List<V> order = new ArrayList<>(variants);
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }
}
