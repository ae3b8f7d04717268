package io.github.camelkapso.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelkapso.simulator.state.SimClock;
import io.github.camelkapso.simulator.state.SimState;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link SimContext#later}: tasks run after their delay, in order per delay, and a failing task stops no other. */
class DelayedTasksTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final SimContext ctx = new SimContext(SimulatorConfig.defaults(), new SimState(), new SimClock(1.0), vertx);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void tasksRunAfterTheirDelayInDueOrder() {
        List<String> ran = new CopyOnWriteArrayList<>();
        long[] started = new long[1];
        vertx.runOnContext(v -> {
            started[0] = System.nanoTime();
            ctx.later(60, () -> ran.add("60 first@" + elapsed(started[0])));
            ctx.later(20, () -> ran.add("20 first@" + elapsed(started[0])));
            ctx.later(60, () -> ran.add("60 second@" + elapsed(started[0])));
            ctx.later(20, () -> {
                throw new IllegalStateException("a failing task");
            });
            ctx.later(20, () -> ran.add("20 third@" + elapsed(started[0])));
            ctx.later(20, () -> ctx.later(60, () -> ran.add("chained@" + elapsed(started[0]))));
        });

        await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 5);
        assertThat(ran).extracting(s -> s.substring(0, s.indexOf('@')))
                .containsExactly("20 first", "20 third", "60 first", "60 second", "chained");
        assertThat(ran).allSatisfy(s -> {
            long at = Long.parseLong(s.substring(s.indexOf('@') + 1));
            long due = s.startsWith("20") ? 20 : s.startsWith("60") ? 60 : 80;
            assertThat(at).as(s).isGreaterThanOrEqualTo(due);
        });
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
