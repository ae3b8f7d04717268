package io.github.camelkapso.simulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks to run after a delay, grouped by delay: every send schedules three status changes, and one Vert.x timer per
 * task made the timer queue a hot spot. Tasks of one delay fall due in the order they were queued, so each delay
 * keeps a FIFO queue and one timer armed for its earliest task; when it fires it runs every task then due and arms
 * the next. Confined to the event loop.
 */
final class DelayedTasks {

    private static final Logger LOG = LoggerFactory.getLogger(DelayedTasks.class);

    private record Task(long dueNanos, Runnable work) {
    }

    private final Vertx vertx;
    private final Map<Long, ArrayDeque<Task>> lanes = new HashMap<>();

    DelayedTasks(Vertx vertx) {
        this.vertx = vertx;
    }

    void add(long delayMillis, Runnable work) {
        ArrayDeque<Task> lane = lanes.get(delayMillis);
        if (lane == null) {
            lane = new ArrayDeque<>();
            lanes.put(delayMillis, lane);
        }
        lane.addLast(new Task(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), work));
        if (lane.size() == 1) {
            arm(delayMillis, delayMillis);
        }
    }

    private void arm(long lane, long inMillis) {
        vertx.setTimer(Math.max(1, inMillis), t -> runDue(lane));
    }

    private void runDue(long delayMillis) {
        ArrayDeque<Task> lane = lanes.get(delayMillis);
        long now = System.nanoTime();
        while (lane != null && !lane.isEmpty() && lane.peekFirst().dueNanos() - now <= 0) {
            Task task = lane.pollFirst();
            try {
                task.work().run();
            } catch (RuntimeException e) {
                LOG.warn("A delayed simulator task failed", e);
            }
        }
        if (lane == null) {
            return;
        }
        if (lane.isEmpty()) {
            lanes.remove(delayMillis);
        } else {
            long waitNanos = lane.peekFirst().dueNanos() - System.nanoTime();
            arm(delayMillis, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
        }
    }
}
