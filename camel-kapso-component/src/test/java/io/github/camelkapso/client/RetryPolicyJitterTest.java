package io.github.camelkapso.client;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off doubles per attempt and spreads callers over the upper half of each delay; Retry-After is kept. */
class RetryPolicyJitterTest {

    private static final KapsoOperation LIST = KapsoCatalog.get().require("listMessages");
    private static final KapsoClientSettings SETTINGS = new KapsoClientSettings("http://localhost", "v24.0", null,
            Duration.ofSeconds(1), 5, Duration.ofMillis(400), Duration.ofMillis(3000), 0);

    @Test
    void delaysLieInTheUpperHalfOfTheDoubledDelayAndVary() {
        Random random = new Random(42);
        RetryPolicy policy = new RetryPolicy(SETTINGS, bound -> (long) (random.nextDouble() * bound));
        for (int attempt = 1; attempt <= 4; attempt++) {
            long full = Math.min(400L << (attempt - 1), 3000);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long delay = policy.nextDelay(LIST, attempt, 503, null, null).orElseThrow().toMillis();
                assertThat(delay).isBetween(full / 2, full);
                seen.add(delay);
            }
            assertThat(seen).as("attempt %d spreads its retries", attempt).hasSizeGreaterThan(20);
        }
    }

    @Test
    void theCapHoldsAndRetryAfterIsHonouredAsGiven() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, bound -> bound - 1);
        assertThat(policy.nextDelay(LIST, 5, 503, null, null)).contains(Duration.ofMillis(3000));
        assertThat(policy.nextDelay(LIST, 1, 429, Duration.ofMillis(1234), null)).contains(Duration.ofMillis(1234));
        assertThat(policy.nextDelay(LIST, 1, 429, Duration.ofSeconds(60), null)).contains(Duration.ofMillis(3000));
        assertThat(policy.nextDelay(LIST, 6, 503, null, null)).isEmpty();
        assertThat(policy.nextDelay(LIST, 1, 0, null, new IOException("reset"))).isPresent();
    }
}
