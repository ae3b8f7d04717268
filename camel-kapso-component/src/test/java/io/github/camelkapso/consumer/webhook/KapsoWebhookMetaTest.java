package io.github.camelkapso.consumer.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.Interactive;
import io.github.camelkapso.event.KapsoEvent;
import io.github.camelkapso.event.MessageEcho;
import io.github.camelkapso.event.MessageReceived;
import io.github.camelkapso.event.MessageStatus;
import io.github.camelkapso.event.Pricing;
import io.github.camelkapso.event.UnknownEvent;
import io.github.camelkapso.event.WhatsAppMessage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** webhookKind=meta: Meta's handshake, Meta's signature header, and Meta bodies split into one exchange per item. */
class KapsoWebhookMetaTest extends WebhookTestSupport {

    private static final String TOKEN = "verify-me-31337";

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?webhookKind=meta&path=/meta&webhookSecret=" + SECRET + "&verifyToken=" + TOKEN)
                        .to("mock:meta");
                from("kapso:webhook?webhookKind=meta&path=/meta-whole&splitBatch=false&webhookSecret=" + SECRET)
                        .to("mock:whole");
                from("kapso:webhook?webhookKind=meta&path=/meta-typed&webhookSecret=" + SECRET)
                        .convertBodyTo(KapsoEvent.class)
                        .to("mock:typed");
            }
        };
    }

    private HttpResponse<String> postMeta(String path, byte[] body, String header, String value) throws Exception {
        return post(path, body, Map.of(header, value, "X-Idempotency-Key", "meta-key"));
    }

    /** A Meta webhook body from src/test/resources/meta, signed as Meta signs it. */
    private HttpResponse<String> postSignedMeta(String path, String name) throws Exception {
        byte[] body;
        try (InputStream in = KapsoWebhookMetaTest.class.getResourceAsStream("/meta/" + name)) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return postMeta(path, body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body));
    }

    @Test
    void theHandshakeWithTheRightTokenAnswersTheChallenge() throws Exception {
        HttpResponse<String> response = get("/meta?hub.mode=subscribe&hub.verify_token=" + TOKEN + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(mock("meta").getReceivedCounter()).isZero();
    }

    @Test
    void theHandshakeWithAWrongTokenIs403() throws Exception {
        HttpResponse<String> response = get("/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("1158201444").doesNotContain(TOKEN);
    }

    @Test
    void aHandshakeWithoutItsParametersIs400() throws Exception {
        assertThat(get("/meta").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutAVerifyTokenEveryHandshakeIs403() throws Exception {
        assertThat(get("/meta-whole?hub.mode=subscribe&hub.verify_token=&hub.challenge=1").statusCode()).isEqualTo(403);
    }

    @Test
    void xHubSignature256IsVerified() throws Exception {
        byte[] body = Payloads.bytes("meta-messages.json");

        assertThat(postMeta("/meta", body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body)).statusCode()).isEqualTo(200);
        assertThat(postMeta("/meta", body, "X-Hub-Signature-256", "sha256=" + sign("app-secret", body)).statusCode())
                .isEqualTo(401);
        assertThat(postMeta("/meta", body, "X-Hub-Signature-256", sign(SECRET, body)).statusCode()).as("no prefix")
                .isEqualTo(401);
        assertThat(postMeta("/meta", body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body) + "ab").statusCode())
                .as("trailing junk").isEqualTo(401);
        assertThat(post("/meta", body, Map.of()).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(mock("meta").getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void xWebhookSignatureIsAcceptedForMetaWebhooksToo() throws Exception {
        byte[] body = Payloads.bytes("meta-messages.json");

        assertThat(postMeta("/meta", body, "X-Webhook-Signature", sign(SECRET, body)).statusCode()).isEqualTo(200);
        assertThat(mock("meta").getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void eachMessageIsAnExchangeWithItsSenderAndMetadata() throws Exception {
        byte[] body = Payloads.bytes("meta-messages.json");

        postMeta("/meta", body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body));

        List<Exchange> events = mock("meta").getReceivedExchanges();
        assertThat(events).hasSize(2);
        Exchange first = events.get(0);
        assertThat(first.getMessage().getHeaders())
                .containsEntry(KapsoConstants.EVENT_TYPE, "whatsapp.message.received")
                .containsEntry(KapsoConstants.MESSAGE_ID, "wamid.M1")
                .containsEntry(KapsoConstants.PHONE_NUMBER_ID, "123456789012345")
                .containsEntry(KapsoConstants.IDEMPOTENCY_KEY, "message:wamid.M1:whatsapp.message.received")
                .containsEntry(KapsoConstants.BATCH_INDEX, 0)
                .containsEntry(KapsoConstants.BATCH_SIZE, 2);
        MessageReceived hola = first.getMessage().getBody(MessageReceived.class);
        assertThat(hola.message().text()).isEqualTo("hola");
        assertThat(hola.contactName()).isEqualTo("Ana");
        assertThat(hola.phoneNumberId()).isEqualTo("123456789012345");
        MessageReceived reaction = events.get(1).getMessage().getBody(MessageReceived.class);
        assertThat(reaction.contactName()).isEqualTo("Beto");
        assertThat(reaction.message().reaction().emoji()).isEqualTo("👍");
        assertThat(events.get(1).getMessage().getHeader(KapsoConstants.IDEMPOTENCY_KEY, String.class)).startsWith("message:");
    }

    @Test
    void statusesCallsAndOtherFieldsAreSplitToo() throws Exception {
        byte[] body = Payloads.bytes("meta-mixed.json");

        assertThat(postMeta("/meta", body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body)).statusCode()).isEqualTo(200);

        List<Exchange> events = mock("meta").getReceivedExchanges();
        assertThat(events).extracting(e -> e.getMessage().getHeader(KapsoConstants.EVENT_TYPE))
                .containsExactly("whatsapp.message.read", "whatsapp.message.failed", "meta.calls",
                        "meta.message_template_status_update");
        MessageStatus failed = events.get(1).getMessage().getBody(MessageStatus.class);
        assertThat(failed.messageId()).isEqualTo("wamid.S2");
        assertThat(failed.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(131026);
            assertThat(e.details()).isEqualTo("Receiver incapable");
        });
        KapsoEvent call = events.get(2).getMessage().getBody(KapsoEvent.class);
        assertThat(call).isInstanceOf(UnknownEvent.class);
        assertThat(call.raw().path("calls").path(0).path("id").asText()).isEqualTo("wacid.C1");
        assertThat(events.get(3).getMessage().getBody(Map.class)).containsEntry("message_template_name", "welcome");
    }

    @Test
    void splitBatchFalseKeepsTheWholeMetaBody() throws Exception {
        byte[] body = Payloads.bytes("meta-mixed.json");

        assertThat(postMeta("/meta-whole", body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body)).statusCode())
                .isEqualTo(200);

        assertThat(mock("whole").getReceivedExchanges()).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getHeaders())
                    .containsEntry(KapsoConstants.EVENT_TYPE, "meta.webhook")
                    .containsEntry(KapsoConstants.BATCH_SIZE, 4)
                    .hasEntrySatisfying(KapsoConstants.IDEMPOTENCY_KEY, k -> assertThat(k).asString().matches("delivery:[0-9a-f]{64}"));
            assertThat(e.getMessage().getBody(Map.class)).containsKeys("object", "entry");
        });
    }

    @Test
    void aBodyWithoutEntriesIs400() throws Exception {
        byte[] body = utf8("{\"object\":\"whatsapp_business_account\"}");

        assertThat(postMeta("/meta", body, "X-Hub-Signature-256", "sha256=" + sign(SECRET, body)).statusCode()).isEqualTo(400);
        assertThat(mock("meta").getReceivedCounter()).isZero();
    }

    @Test
    void putIs405WithBothAllowedMethods() throws Exception {
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/meta")))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void twoEntriesOfSeveralChangesReachTheRouteAsTypedEventsInOrder() throws Exception {
        assertThat(postSignedMeta("/meta-typed", "multi-entry.json").statusCode()).isEqualTo(200);

        List<Exchange> events = mock("typed").getReceivedExchanges();
        assertThat(events).extracting(e -> e.getMessage().getHeader(KapsoConstants.EVENT_TYPE))
                .containsExactly("whatsapp.message.received", "whatsapp.message.received", "whatsapp.message.delivered",
                        "whatsapp.message.received", "whatsapp.message.read", "meta.message_echoes");
        assertThat(events).extracting(e -> e.getMessage().getHeader(KapsoConstants.PHONE_NUMBER_ID))
                .containsExactly("106540352242922", "106540352242922", "106540352242922", "223344556677889",
                        "223344556677889", "223344556677889");
        assertThat(events).extracting(e -> e.getMessage().getHeader(KapsoConstants.MESSAGE_ID))
                .containsExactly("wamid.A1", "wamid.A2", "wamid.OUT1", "wamid.B1", "wamid.OUT2", "wamid.B2");
        assertThat(events).extracting(e -> e.getMessage().getHeader(KapsoConstants.BATCH_INDEX))
                .containsExactly(0, 1, 2, 3, 4, 5);

        MessageReceived first = events.get(0).getMessage().getBody(MessageReceived.class);
        assertThat(first.message().text()).isEqualTo("first");
        assertThat(first.message().direction()).isEqualTo("inbound");
        assertThat(first.message().inbound()).isTrue();
        assertThat(first.contactName()).isEqualTo("Sheena Nelson");
        assertThat(events.get(1).getMessage().getBody(MessageReceived.class).contactName()).isEqualTo("Pablo Morales");
        MessageStatus delivered = events.get(2).getMessage().getBody(MessageStatus.class);
        assertThat(delivered.timestamp()).isEqualTo(Instant.ofEpochSecond(1750030003L));
        assertThat(delivered.pricing()).isEqualTo(new Pricing(true, "PMP", "utility", "regular"));
        MessageReceived third = events.get(3).getMessage().getBody(MessageReceived.class);
        assertThat(third.phoneNumberId()).isEqualTo("223344556677889");
        assertThat(third.message().inbound()).isTrue();
        assertThat(events.get(4).getMessage().getBody(MessageStatus.class).status()).isEqualTo("read");
        MessageEcho echo = events.get(5).getMessage().getBody(MessageEcho.class);
        assertThat(echo.phoneNumberId()).isEqualTo("223344556677889");
        WhatsAppMessage sentFromTheApp = echo.message();
        assertThat(sentFromTheApp.outbound()).isTrue();
        assertThat(sentFromTheApp.source()).isEqualTo("smb_message_echo");
        assertThat(sentFromTheApp.from()).isEqualTo("15550009999");
        assertThat(sentFromTheApp.to()).isEqualTo("447700900123");
        assertThat(sentFromTheApp.text()).isEqualTo("fourth, from the app");
    }

    @Test
    void aFlowReplyReachesTheRouteWithItsResponseCamelCased() throws Exception {
        assertThat(postSignedMeta("/meta-typed", "flow-reply.json").statusCode()).isEqualTo(200);

        MessageReceived event = mock("typed").getReceivedExchanges().get(0).getMessage().getBody(MessageReceived.class);
        Interactive reply = event.message().interactive();
        assertThat(reply.type()).isEqualTo("nfm_reply");
        assertThat(reply.flowToken()).isEqualTo("AQAAAAACS5FpgQ_cAAAAAD0QI3s.");
        assertThat(reply.flowResponse().path("screen0FirstName0").asText()).isEqualTo("Sheena");
        assertThat(reply.flowResponse().path("deliveryOptions").path("leaveAtDoor").asBoolean()).isTrue();
        assertThat(event.message().inbound()).isTrue();
    }
}
