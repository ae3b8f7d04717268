package io.github.camelkapso.consumer.flows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkapso.consumer.ConcurrentRequestLimit;
import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Answer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The webhook and Flows endpoints share the server's worker pool (Vert.x: 20 threads). Thirty deliveries stuck in a
 * slow webhook route must not delay a Flows request: the webhook consumer holds at most maxConcurrentRequests threads
 * and turns the rest away with 503 at once. Without that bound (the control) the same load leaves the Flows request
 * waiting until the webhook route lets go.
 */
class FlowsBesideASlowWebhookTest extends FlowsConsumerTestBase {

    private static final String SECRET = "whsec-isolation-77c1";
    private static final String DATA_EXCHANGE = "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"A\","
                                                + "\"data\":{},\"flow_token\":\"tok-1\"}";
    /** The bound stated for a Flows request beside a stuck webhook route; WhatsApp itself gives up at 10 s. */
    private static final Duration FLOWS_BOUND = Duration.ofSeconds(1);
    private static final int DELIVERIES = 30;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger inWebhookRoute = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?path=/hooks/bounded&webhookSecret=" + SECRET).routeId("bounded")
                        .process(e -> stuck());
                from("kapso:webhook?path=/hooks/unbounded&maxConcurrentRequests=" + DELIVERIES + "&webhookSecret=" + SECRET)
                        .process(e -> stuck());
                from("kapso:flowsDataEndpoint?" + businessKeyOption())
                        .setBody(constant("{\"screen\":\"B\",\"data\":{}}"));
            }
        };
    }

    private void stuck() throws InterruptedException {
        inWebhookRoute.incrementAndGet();
        release.await(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void letGo() {
        release.countDown();
    }

    @Test
    void aFlowsRequestIsAnsweredWithinTheBoundWhileThirtyDeliveriesAreStuck() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> deliveries = deliver("/hooks/bounded");
        await().atMost(10, TimeUnit.SECONDS).until(() -> inWebhookRoute.get() == 8);

        long started = System.nanoTime();
        Answer answer = client().exchange(DATA_EXCHANGE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted().path("screen").asText()).isEqualTo("B");
        assertThat(took).isLessThan(FLOWS_BOUND);
        // the deliveries past the bound were answered at once, with a hint for Kapso's retry
        List<HttpResponse<String>> turnedAway = await().atMost(10, TimeUnit.SECONDS).until(
                () -> deliveries.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList(),
                done -> done.size() == DELIVERIES - 8);
        assertThat(turnedAway).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue(String.valueOf(ConcurrentRequestLimit.RETRY_AFTER_SECONDS));
        });

        release.countDown();
        assertThat(deliveries.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)).hasSize(8);
        assertThat(inWebhookRoute.get()).isEqualTo(8);
    }

    @Test
    void withoutTheBoundTheSameLoadStarvesTheFlowsRequest() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> deliveries = deliver("/hooks/unbounded");
        // Vert.x's 20 worker threads all wait in the webhook route
        await().atMost(10, TimeUnit.SECONDS).until(() -> inWebhookRoute.get() == 20);

        CompletableFuture<Answer> flows = CompletableFuture.supplyAsync(() -> client().exchange(DATA_EXCHANGE));

        assertThatThrownBy(() -> flows.get(FLOWS_BOUND.toMillis() * 2, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(flows.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(deliveries.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)).hasSize(DELIVERIES);
    }

    private List<CompletableFuture<HttpResponse<String>>> deliver(String path) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            byte[] body = ("{\"phone_number_id\":\"" + (1000 + i) + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Webhook-Event", "whatsapp.phone_number.created")
                    .header("X-Webhook-Signature", WhatsAppFlowsClient.sign(SECRET, body).substring("sha256=".length()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return responses;
    }
}
