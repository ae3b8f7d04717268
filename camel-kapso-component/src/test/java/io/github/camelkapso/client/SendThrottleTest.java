package io.github.camelkapso.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per phone number token bucket: its arithmetic on explicit clock values, and its effect on real sends. */
class SendThrottleTest extends KapsoProducerTestBase {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final Map<String, Object> MESSAGE = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));
    private static final String THROTTLED_SEND = "kapso:sendMessage?throttleEnabled=true&throttleRate=5";

    // ---- token bucket arithmetic, no clock involved

    @Test
    void firstRatePermitsAreFreeThenEachWaitsOneMoreSlot() {
        SendThrottle.TokenBucket bucket = new SendThrottle.TokenBucket(5, 0);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.reserve(0)).as("permit %d", i + 1).isZero();
        }
        assertThat(bucket.reserve(0)).isEqualTo(200 * MS);
        assertThat(bucket.reserve(0)).isEqualTo(400 * MS);
        assertThat(bucket.reserve(0)).isEqualTo(600 * MS);
        assertThat(bucket.reserve(0)).isEqualTo(800 * MS);
        assertThat(bucket.reserve(0)).isEqualTo(1000 * MS);
    }

    @Test
    void debtIsPaidBackAtTheRate() {
        SendThrottle.TokenBucket bucket = new SendThrottle.TokenBucket(5, 0);
        for (int i = 0; i < 7; i++) {
            bucket.reserve(0);
        }
        // 2 tokens of debt; 300 ms later 1.5 tokens came back: the next permit is due 0.5 + 1 slots from now
        assertThat(bucket.reserve(300 * MS)).isEqualTo(300 * MS);
        // by 1.5 s, 7.5 tokens came back in total: 5 + 7.5 - 8 taken leaves 4.5 -> free
        assertThat(bucket.reserve(S + 500 * MS)).isZero();
    }

    @Test
    void idleTimeRefillsOnlyUpToOneSecondOfTokens() {
        SendThrottle.TokenBucket bucket = new SendThrottle.TokenBucket(5, 0);
        bucket.reserve(0);

        long later = 3_600 * S;
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.reserve(later)).isZero();
        }
        assertThat(bucket.reserve(later)).isEqualTo(200 * MS);
    }

    @Test
    void fractionalRateKeepsOnePermitOfBurst() {
        SendThrottle.TokenBucket bucket = new SendThrottle.TokenBucket(0.5, 10 * S);

        assertThat(bucket.reserve(10 * S)).isZero();
        assertThat(bucket.reserve(10 * S)).isEqualTo(2 * S);
        assertThat(bucket.reserve(11 * S)).isEqualTo(3 * S);
    }

    @Test
    void aCallerWithAnOlderClockReadingIsChargedInOrder() {
        SendThrottle.TokenBucket bucket = new SendThrottle.TokenBucket(5, 0);
        for (int i = 0; i < 5; i++) {
            bucket.reserve(0);
        }
        // a thread that read the clock at 100 ms got the lock after one that read it at 200 ms
        assertThat(bucket.reserve(200 * MS)).isZero();
        assertThat(bucket.reserve(100 * MS)).isEqualTo(300 * MS);
        // the late caller is charged in order, and the 100..200 ms window is not credited twice
        assertThat(bucket.reserve(200 * MS)).isEqualTo(400 * MS);
    }

    @Test
    void aChangedRateAppliesToTheNextReservation() {
        SendThrottle throttle = new SendThrottle();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.reserve("n", 5, 0)).isZero();
        }
        assertThat(throttle.reserve("n", 5, 0)).isEqualTo(200 * MS);
        assertThat(throttle.reserve("n", 10, 0)).isEqualTo(200 * MS);
    }

    @Test
    void numbersHaveSeparateBuckets() {
        SendThrottle throttle = new SendThrottle();
        for (int i = 0; i < 5; i++) {
            throttle.reserve("a", 5, 0);
        }
        assertThat(throttle.reserve("a", 5, 0)).isPositive();
        assertThat(throttle.reserve("b", 5, 0)).isZero();
    }

    @Test
    void nonPositiveRateIsRejected() {
        assertThatThrownBy(() -> new SendThrottle.TokenBucket(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("throttleRate");
        assertThatThrownBy(() -> new SendThrottle().reserve("n", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- through Camel, against the stub

    private List<Exchange> sendConcurrently(List<String> phoneNumberIds) throws Exception {
        List<Future<Exchange>> futures = new ArrayList<>();
        for (String id : phoneNumberIds) {
            futures.add(template.asyncSend(THROTTLED_SEND, ex -> {
                ex.getMessage().setBody(MESSAGE);
                ex.getMessage().setHeader(KapsoConstants.PHONE_NUMBER_ID, id);
            }));
        }
        List<Exchange> results = new ArrayList<>();
        for (Future<Exchange> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private void warmUp() {
        // loads the HTTP client classes and opens a connection, so the measured sends start from a warm client
        Exchange warm = send("kapso:sendMessage?phoneNumberId=warm-up", MESSAGE);
        assertThat(warm.getException()).isNull();
        stub.reset();
    }

    @Test
    void sendsOnOneNumberAreSpacedAtTheRate() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.x\"}]}"));
        warmUp();

        long start = System.nanoTime();
        List<Exchange> results = sendConcurrently(List.of("pn-1", "pn-1", "pn-1", "pn-1", "pn-1",
                "pn-1", "pn-1", "pn-1", "pn-1", "pn-1"));

        assertThat(results).allSatisfy(r -> assertThat(r.getException()).isNull());
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(10).allSatisfy(r -> assertThat(r.rawPath()).endsWith("/pn-1/messages"));
        long first = requests.stream().mapToLong(RecordedRequest::arrivalNanos).min().orElseThrow();
        long last = requests.stream().mapToLong(RecordedRequest::arrivalNanos).max().orElseThrow();
        // the bucket lets 5 through at once and one more every 200 ms: the 10th cannot leave before 1 s
        assertThat(Duration.ofNanos(last - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Duration.ofNanos(last - first)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void differentNumbersDoNotWaitForEachOther() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.x\"}]}"));
        warmUp();
        // a third number deep in debt: 30 s of waiting for anyone who (wrongly) shared its bucket
        for (int i = 0; i < 155; i++) {
            kapso.getSendThrottle().reserve("pn-busy", 5);
        }

        long start = System.nanoTime();
        List<Exchange> results = sendConcurrently(List.of("pn-a", "pn-b", "pn-a", "pn-b", "pn-a",
                "pn-b", "pn-a", "pn-b", "pn-a", "pn-b"));

        assertThat(results).allSatisfy(r -> assertThat(r.getException()).isNull());
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(10);
        assertThat(requests.stream().filter(r -> r.rawPath().endsWith("/pn-a/messages"))).hasSize(5);
        long last = requests.stream().mapToLong(RecordedRequest::arrivalNanos).max().orElseThrow();
        // no bucket wait at all; the bound only has to separate "no wait" from the 30 s a shared bucket would impose
        assertThat(Duration.ofNanos(last - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void throttleIsOffByDefault() throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.x\"}]}"));
        for (int i = 0; i < 155; i++) {
            kapso.getSendThrottle().reserve("pn-1", 5);
        }

        long start = System.nanoTime();
        Exchange result = send("kapso:sendMessage?phoneNumberId=pn-1", MESSAGE);

        assertThat(result.getException()).isNull();
        assertThat(Duration.ofNanos(stub.lastRequest().arrivalNanos() - start)).isLessThan(Duration.ofSeconds(15));
    }
}
