package io.github.camelkapso.consumer.flows;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowsReplayGuardTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void anIvSeenAgainWithinTheWindowIsAReplayAndFreeAgainAfterIt() {
        FlowsReplayGuard guard = new FlowsReplayGuard(60_000, 10, now::get);
        byte[] iv = iv(1);
        assertThat(guard.firstUse(iv)).isTrue();
        now.addAndGet(59_999);
        assertThat(guard.firstUse(iv.clone())).isFalse();
        now.addAndGet(1);
        assertThat(guard.firstUse(iv)).isTrue();
    }

    @Test
    void theRecordIsBoundedAndForgetsTheOldestFirst() {
        FlowsReplayGuard guard = new FlowsReplayGuard(60_000, 3, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(guard.firstUse(iv(i))).isTrue();
        }
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.firstUse(iv(4))).isFalse();
        assertThat(guard.firstUse(iv(0))).as("forgotten to make room").isTrue();
    }

    @Test
    void expiredIvsAreDroppedFromTheRecord() {
        FlowsReplayGuard guard = new FlowsReplayGuard(1_000, 100, now::get);
        guard.firstUse(iv(1));
        guard.firstUse(iv(2));
        now.addAndGet(1_000);
        guard.firstUse(iv(3));
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void noWindowMeansNoCheck() {
        FlowsReplayGuard guard = new FlowsReplayGuard(0, 100, now::get);
        assertThat(guard.firstUse(iv(1))).isTrue();
        assertThat(guard.firstUse(iv(1))).isTrue();
        assertThat(guard.size()).isZero();
    }

    private static byte[] iv(int n) {
        byte[] iv = new byte[16];
        iv[0] = (byte) n;
        return iv;
    }
}
