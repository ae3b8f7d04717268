package io.github.camelkapso.consumer.webhook;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the body is signed: a replayed body whose unsigned headers were changed must neither pass for another event,
 * nor run the route again, nor smuggle headers into the route.
 */
class KapsoWebhookSignedFactsTest extends WebhookTestSupport {

    private final MemoryIdempotentRepository repository = new MemoryIdempotentRepository();

    @Override
    protected RouteBuilder routes() {
        context.getRegistry().bind("seen", repository);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?path=/events&webhookIdempotentRepository=#seen&webhookSecret=" + SECRET)
                        .to("mock:events");
                from("kapso:webhook?path=/forwarding&webhookForwardHeaders=X-Tenant, x-source,X-Webhook-Signature"
                     + "&webhookSecret=" + SECRET)
                        .to("mock:forwarding");
            }
        };
    }

    private HttpResponse<String> replay(String path, String payload, Map<String, String> headers) throws Exception {
        byte[] body = Payloads.bytes(payload);
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Webhook-Signature", sign(SECRET, body));
        return post(path, body, all);
    }

    @ParameterizedTest(name = "{0} relabelled {1}")
    @CsvSource({
        "message-received.json, whatsapp.message.failed",
        "message-received.json, whatsapp.conversation.ended",
        "message-delivered.json, whatsapp.message.received",
        "message-delivered.json, whatsapp.message.failed",
        "message-failed.json, whatsapp.message.read",
        "conversation-ended.json, whatsapp.conversation.created",
        "conversation-ended.json, whatsapp.conversation.inactive",
        "conversation-inactive.json, whatsapp.conversation.ended",
        "workflow-handoff.json, workflow.execution.failed",
        "phone-number-created.json, whatsapp.message.received",
        "batch.json, whatsapp.message.sent"
    })
    void anEventHeaderTheSignedBodyContradictsIs400AndNeverReachesTheRoute(String payload, String relabel) throws Exception {
        HttpResponse<String> response = replay("/events", payload, Map.of("X-Webhook-Event", relabel));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("X-Webhook-Event " + relabel + " does not match the signed body: ");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "message-received.json, whatsapp.message.received",
        "message-delivered.json, whatsapp.message.delivered",
        "message-delivered.json, whatsapp.message.sent",
        "message-failed.json, whatsapp.message.failed",
        "conversation-ended.json, whatsapp.conversation.ended",
        "conversation-inactive.json, whatsapp.conversation.inactive",
        "workflow-handoff.json, workflow.execution.handoff",
        "phone-number-created.json, whatsapp.phone_number.created"
    })
    void anEventHeaderTheBodyAgreesWithIsDelivered(String payload, String type) throws Exception {
        assertThat(replay("/events", payload, Map.of("X-Webhook-Event", type)).statusCode()).isEqualTo(200);

        assertThat(mock("events").getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getHeader(KapsoConstants.EVENT_TYPE)).isEqualTo(type));
    }

    @Test
    void replaysWithNewIdempotencyKeysRunTheRouteOnce() throws Exception {
        for (String key : new String[] {"key-1", "key-2", "key-3"}) {
            HttpResponse<String> response = replay("/events", "message-received.json",
                    Map.of("X-Webhook-Event", "whatsapp.message.received", "X-Idempotency-Key", key));
            assertThat(response.statusCode()).isEqualTo(200);
        }

        assertThat(mock("events").getReceivedExchanges()).singleElement().satisfies(e -> assertThat(
                e.getMessage().getHeader(KapsoConstants.IDEMPOTENCY_KEY)).isEqualTo("message:wamid.123:whatsapp.message.received"));
    }

    @Test
    void aBatchsMessagesRedeliveredOneByOneAreNotProcessedAgain() throws Exception {
        assertThat(replay("/events", "batch.json", Map.of("X-Webhook-Event", "whatsapp.message.received",
                "X-Webhook-Batch", "true", "X-Idempotency-Key", "batch-key")).statusCode()).isEqualTo(200);
        // Kapso falls back to single deliveries with new keys after a batch it thinks failed
        byte[] single = utf8(Payloads.json("batch.json").path("data").path(1).toString());
        HttpResponse<String> again = post("/events", single, Map.of("X-Webhook-Signature", sign(SECRET, single),
                "X-Webhook-Event", "whatsapp.message.received", "X-Idempotency-Key", "fallback-key"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(mock("events").getReceivedCounter()).isEqualTo(3);
    }

    @Test
    void payloadsWithoutIdsAreDeduplicatedOnTheirSignedBytes() throws Exception {
        replay("/events", "phone-number-created.json", Map.of("X-Webhook-Event", "whatsapp.phone_number.created",
                "X-Idempotency-Key", "a"));
        replay("/events", "phone-number-created.json", Map.of("X-Webhook-Event", "whatsapp.phone_number.created",
                "X-Idempotency-Key", "b"));

        assertThat(mock("events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aBatchHeaderOnABodyThatIsNoBatchIs400() throws Exception {
        HttpResponse<String> response = replay("/events", "message-received.json",
                Map.of("X-Webhook-Event", "whatsapp.message.received", "X-Webhook-Batch", "true"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("X-Webhook-Batch").contains("not a batch");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aBatchBodyIsSplitWhateverTheBatchHeaderSays() throws Exception {
        replay("/events", "batch.json", Map.of("X-Webhook-Event", "whatsapp.message.received", "X-Webhook-Batch", "false"));

        assertThat(mock("events").getReceivedCounter()).isEqualTo(3);
    }

    @Test
    void aPayloadVersionTheBodyContradictsIs400() throws Exception {
        HttpResponse<String> v1OnV2 = replay("/events", "message-received.json",
                Map.of("X-Webhook-Event", "whatsapp.message.received", "X-Webhook-Payload-Version", "v1"));
        byte[] v1 = utf8("{\"whatsapp_config\":{\"id\":\"cfg_1\",\"phone_number_id\":\"155\"},\"whatsapp_config_id\":\"cfg_1\","
                         + "\"message\":{\"id\":\"m1\",\"message_type\":\"text\",\"direction\":\"inbound\"}}");
        HttpResponse<String> v2OnV1 = post("/events", v1, Map.of("X-Webhook-Signature", sign(SECRET, v1),
                "X-Webhook-Event", "whatsapp.message.received", "X-Webhook-Payload-Version", "v2"));

        assertThat(v1OnV2.statusCode()).isEqualTo(400);
        assertThat(v1OnV2.body()).isEqualTo("X-Webhook-Payload-Version v1 does not match the signed body, which is a v2 payload");
        assertThat(v2OnV1.statusCode()).isEqualTo(400);
        assertThat(v2OnV1.body()).endsWith("which is a v1 payload");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void onlyTheListedRequestHeadersReachTheRouteAndNeverAQueryParameter() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");
        HttpResponse<String> response = post("/forwarding?X-Injected=1&x-source=query", body, Map.of(
                "X-Webhook-Signature", sign(SECRET, body), "X-Webhook-Event", "whatsapp.message.received",
                "X-Tenant", "acme", "X-Source", "kapso", "X-Other", "not listed"));

        assertThat(response.statusCode()).isEqualTo(200);
        Exchange event = mock("forwarding").getReceivedExchanges().get(0);
        assertThat(event.getMessage().getHeaders())
                .containsEntry("X-Tenant", "acme")
                .doesNotContainKeys("X-Injected", "X-Other", "X-Webhook-Signature", "X-Webhook-Event", "Content-Type")
                .containsKey(KapsoConstants.EVENT_TYPE);
        assertThat(event.getMessage().getHeaders().keySet()).noneMatch(name -> name.equalsIgnoreCase("x-source"));
    }

    @Test
    void withoutTheOptionNoRequestHeaderReachesTheRoute() throws Exception {
        HttpResponse<String> response = replay("/events?X-Injected=1", "message-received.json",
                Map.of("X-Webhook-Event", "whatsapp.message.received", "X-Tenant", "acme"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock("events").getReceivedExchanges().get(0).getMessage().getHeaders().keySet())
                .allMatch(name -> name.startsWith("Camel"), "only CamelKapso* headers");
    }
}
