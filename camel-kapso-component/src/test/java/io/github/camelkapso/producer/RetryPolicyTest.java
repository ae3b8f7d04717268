package io.github.camelkapso.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoRateLimitException;
import io.github.camelkapso.error.KapsoServerException;
import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures the producer repeats, and when: 429s always (honouring a capped Retry-After), 5xx and lost
 * connections only for idempotent operations, nothing at all with maxRetries=0.
 */
class RetryPolicyTest extends KapsoProducerTestBase {

    private static final String SEND = "kapso:sendMessage?phoneNumberId=1065";
    private static final String LIST_TEMPLATES = "kapso:listTemplates?businessAccountId=waba-1";
    private static final Map<String, Object> MESSAGE = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));
    private static final String SENT = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"15551234567\","
                                       + "\"wa_id\":\"15551234567\"}],\"messages\":[{\"id\":\"wamid.OK\"}]}";
    private static final String RATE_LIMITED = "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
                                               + "\"code\":130429,\"fbtrace_id\":\"trace\"}}";

    /** Answers {@code first} to the first {@code times} requests, then {@code then}. */
    private void respondFirst(int times, StubResponse first, StubResponse then) {
        AtomicInteger seen = new AtomicInteger();
        stub.respond(r -> seen.incrementAndGet() <= times ? first : then);
    }

    private static Duration gap(RecordedRequest earlier, RecordedRequest later) {
        return Duration.ofNanos(later.arrivalNanos() - earlier.arrivalNanos());
    }

    @Test
    void rateLimitedSendIsRetriedAfterRetryAfterAndSucceeds() {
        respondFirst(1, StubResponse.json(429, RATE_LIMITED).withHeader("Retry-After", "1"), StubResponse.json(200, SENT));

        Exchange result = send(SEND, MESSAGE);

        assertThat(result.getException()).isNull();
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).bodyText()).isEqualTo(requests.get(0).bodyText());
        assertThat(result.getMessage().getHeader(KapsoConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(result.getMessage().getHeader(KapsoConstants.HTTP_STATUS)).isEqualTo(200);
        assertThat(gap(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retryAfterIsCappedByMaxRetryDelay() {
        respondFirst(1, StubResponse.json(429, RATE_LIMITED).withHeader("Retry-After", "120"), StubResponse.json(200, SENT));

        Exchange result = send(SEND + "&maxRetryDelay=200", MESSAGE);

        assertThat(result.getException()).isNull();
        List<RecordedRequest> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(result.getMessage().getHeader(KapsoConstants.ATTEMPTS)).isEqualTo(2);
        // the cap is a floor too: the retry still waits the capped delay, and arrives far before 120 s
        assertThat(gap(requests.get(0), requests.get(1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(190))
                .isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void serverErrorOnSendIsNotRetried() {
        stub.respond(r -> StubResponse.json(500, "{\"error\":{\"message\":\"boom\",\"code\":131000,\"type\":\"OAuthException\"}}"));

        Exchange result = send(SEND, MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoServerException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unavailableIdempotentGetIsRetriedUpToMaxRetriesThenFails() {
        stub.respond(r -> StubResponse.json(503, "{\"error\":\"upstream unavailable\"}"));

        Exchange result = send(LIST_TEMPLATES + "&maxRetries=2", null);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoServerException.class);
        assertThat(((KapsoServerException) result.getException()).getHttpStatus()).isEqualTo(503);
        assertThat(stub.requests()).hasSize(3)
                .allSatisfy(r -> assertThat(r.rawPath()).isEqualTo("/meta/whatsapp/v24.0/waba-1/message_templates"));
    }

    @Test
    void unavailableGetRecoversWithinTheRetries() {
        respondFirst(2, StubResponse.json(503, "{\"error\":\"upstream unavailable\"}"),
                StubResponse.json(200, "{\"data\":[{\"name\":\"welcome\"}],\"paging\":{}}"));

        Exchange result = send(LIST_TEMPLATES, null);

        assertThat(result.getException()).isNull();
        assertThat(stub.requests()).hasSize(3);
        assertThat(result.getMessage().getHeader(KapsoConstants.ATTEMPTS)).isEqualTo(3);
    }

    @Test
    void maxRetriesZeroSwitchesRetriesOff() {
        stub.respond(r -> StubResponse.json(429, RATE_LIMITED).withHeader("Retry-After", "0"));

        Exchange result = send(SEND + "&maxRetries=0", MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoRateLimitException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void rateLimitWithoutRetryAfterStillStopsAfterMaxRetries() {
        stub.respond(r -> StubResponse.json(429, RATE_LIMITED));

        Exchange result = send(SEND + "&maxRetries=2", MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoRateLimitException.class);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void droppedConnectionOnSendIsNotRetried() {
        stub.respond(r -> null);

        Exchange result = send(SEND, MESSAGE);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoTransportException.class);
        KapsoTransportException e = (KapsoTransportException) result.getException();
        assertThat(e.getOperationId()).isEqualTo("sendMessage");
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void droppedConnectionOnGetIsRetried() {
        // the JDK client itself repeats a GET once when the connection closes before any answer byte, so the wire
        // may see more requests than the producer made attempts: drop twice to be sure the producer retried too
        respondFirst(2, null, StubResponse.json(200, "{\"data\":[],\"paging\":{}}"));

        Exchange result = send(LIST_TEMPLATES, null);

        assertThat(result.getException()).isNull();
        assertThat(stub.requests()).hasSize(3);
        assertThat(result.getMessage().getHeader(KapsoConstants.ATTEMPTS, Integer.class)).isBetween(2, 3);
    }

    @Test
    void droppedConnectionOnIdempotentDeleteIsRetriedByTheProducer() {
        respondFirst(1, null, StubResponse.json(200, "{\"data\":{\"removed\":3}}"));

        Exchange result = send("kapso:clearBroadcastRecipients", null,
                Map.of(KapsoConstants.HEADER_PREFIX + "BroadcastId", "bc-7"));

        assertThat(result.getException()).isNull();
        assertThat(stub.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.rawPath()).isEqualTo("/platform/v1/whatsapp/broadcasts/bc-7/recipients");
        });
        assertThat(result.getMessage().getHeader(KapsoConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void droppedConnectionOnGetFailsAfterMaxRetries() {
        stub.respond(r -> null);

        Exchange result = send(LIST_TEMPLATES + "&maxRetries=2", null);

        assertThat(result.getException()).isExactlyInstanceOf(KapsoTransportException.class);
        assertThat(((KapsoTransportException) result.getException()).getAttempts()).isEqualTo(3);
        assertThat(stub.requests()).hasSizeGreaterThanOrEqualTo(3);
    }
}
