package io.github.camelkapso.consumer.polling;

import java.util.List;

/**
 * What one poll does, oldest first: duplicates to pass over before the first emitted item, then each item to emit
 * with the duplicates that follow it (passed over once it succeeded).
 *
 * @param leadingDuplicates duplicates older than the first item to emit
 * @param emits             the items to emit, at most maxMessagesPerPoll
 */
record PollPlan(List<PolledItem> leadingDuplicates, List<Emit> emits) {

    /** An item to hand to the route and the duplicates the watermark may move over once it succeeded. */
    record Emit(PolledItem item, List<PolledItem> duplicatesAfter) {
    }
}
