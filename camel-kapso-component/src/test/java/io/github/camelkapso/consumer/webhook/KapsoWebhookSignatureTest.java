package io.github.camelkapso.consumer.webhook;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import org.apache.camel.Exchange;
import io.github.camelkapso.support.CapturedLog;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing unverified reaches the route: the signature is checked over the exact bytes received, strictly (LESSONS 1),
 * and bad requests get a clear status without the route running.
 */
class KapsoWebhookSignatureTest extends WebhookTestSupport {

    private static final String PATH = "/kapso/webhooks";

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?webhookSecret=" + SECRET + "&maxBodySize=4096").routeId("webhook")
                        .to("mock:events");
            }
        };
    }

    private HttpResponse<String> signedWith(String signature, byte[] body) throws Exception {
        return post(PATH, body, Map.of("X-Webhook-Signature", signature, "X-Webhook-Event", "whatsapp.message.received",
                "X-Idempotency-Key", "key-1"));
    }

    @Test
    void aValidSignatureDeliversTheEventWithItsHeaders() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");

        HttpResponse<String> response = deliver(PATH, SECRET, body, "whatsapp.message.received", "idem-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock("events").getReceivedExchanges()).hasSize(1);
        Exchange event = mock("events").getReceivedExchanges().get(0);
        assertThat(event.getMessage().getHeaders())
                .containsEntry(KapsoConstants.EVENT_TYPE, "whatsapp.message.received")
                .containsEntry(KapsoConstants.IDEMPOTENCY_KEY, "message:wamid.123:whatsapp.message.received")
                .containsEntry(KapsoConstants.PAYLOAD_VERSION, "v2")
                .containsEntry(KapsoConstants.PHONE_NUMBER_ID, "123456789012345")
                .containsEntry(KapsoConstants.CONVERSATION_ID, "conv_123")
                .containsEntry(KapsoConstants.MESSAGE_ID, "wamid.123")
                .doesNotContainKeys(KapsoConstants.BATCH_INDEX, KapsoConstants.BATCH_SIZE, "X-Webhook-Signature");
        Map<?, ?> payload = event.getMessage().getBody(Map.class);
        assertThat(((Map<?, ?>) payload.get("message")).get("id")).isEqualTo("wamid.123");
        assertThat(event.getProperty(KapsoConstants.RAW_BODY, byte[].class)).isEqualTo(body);
    }

    @Test
    void anUppercaseDigestIsAccepted() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");

        assertThat(signedWith(sign(SECRET, body).toUpperCase(Locale.ROOT), body).statusCode()).isEqualTo(200);
        assertThat(mock("events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void theExactUtf8BytesAreVerifiedWithoutReSerialisation() throws Exception {
        // unusual spacing, key order and escapes: any re-serialisation before the HMAC would break it
        String text = "{ \"message\" :{\"text\":{\"body\":\"héllo 👋 \\u00e9\"},  \"type\":\"text\",\"id\":\"wamid.U\"},\n"
                      + "\t\"phone_number_id\":\"1555\" ,\"conversation\":{\"id\":\"conv_u\"}   }\r\n";
        byte[] body = utf8(text);

        HttpResponse<String> response = deliver(PATH, SECRET, body, "whatsapp.message.received", "idem-u");

        assertThat(response.statusCode()).isEqualTo(200);
        Exchange event = mock("events").getReceivedExchanges().get(0);
        assertThat(event.getProperty(KapsoConstants.RAW_BODY, byte[].class)).isEqualTo(body);
        Map<?, ?> message = (Map<?, ?>) event.getMessage().getBody(Map.class).get("message");
        assertThat(((Map<?, ?>) message.get("text")).get("body")).isEqualTo("héllo 👋 é");
    }

    @Test
    void aSignatureOfTheSameTextInAnotherEncodingIsRefused() throws Exception {
        byte[] body = utf8("{\"text\":\"héllo\"}");
        String latin1Signature = sign(SECRET, "{\"text\":\"héllo\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(signedWith(latin1Signature, body).statusCode()).isEqualTo(401);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void anUnsignedFormPostIs415WithoutAStackTraceInTheLog() throws Exception {
        HttpResponse<String> response;
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            response = post(PATH, utf8("a=1&b=2&X-Injected=1"),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            log = captured.text();
        }

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("Content-Type must be application/json");
        assertThat(mock("events").getReceivedCounter()).isZero();
        assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void repeatedRefusalsMakeOneWarnLineNotOneEach() throws Exception {
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            for (int i = 0; i < 20; i++) {
                assertThat(post(PATH, Payloads.bytes("message-received.json"), Map.of()).statusCode()).isEqualTo(401);
            }
            log = captured.text();
        }
        assertThat(log.lines().filter(line -> line.contains("WARN") && line.contains("refused"))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aMissingSignatureIs401AndNeverReachesTheRoute() throws Exception {
        HttpResponse<String> response = post(PATH, Payloads.bytes("message-received.json"),
                Map.of("X-Webhook-Event", "whatsapp.message.received"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Missing webhook signature");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aSignatureWithAnotherSecretIs401() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");

        HttpResponse<String> response = signedWith(sign("another-secret", body), body);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Invalid webhook signature").doesNotContain(SECRET);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aTamperedBodyIs401() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");
        String signature = sign(SECRET, body);
        byte[] tampered = new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("Hello", "Hellp")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(signedWith(signature, tampered).statusCode()).isEqualTo(401);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void digestsALenientDecoderWouldAcceptAreRefused() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");
        String good = sign(SECRET, body);

        assertThat(signedWith(good + "00", body).statusCode()).as("trailing hex").isEqualTo(401);
        assertThat(signedWith(good + "zz", body).statusCode()).as("trailing junk").isEqualTo(401);
        assertThat(signedWith(good + "0", body).statusCode()).as("odd length").isEqualTo(401);
        assertThat(signedWith(good.substring(0, 63), body).statusCode()).as("truncated, odd length").isEqualTo(401);
        assertThat(signedWith(good.substring(0, 62), body).statusCode()).as("truncated").isEqualTo(401);
        assertThat(signedWith("sha256=" + good, body).statusCode()).as("Meta prefix on a kapso webhook").isEqualTo(401);
        assertThat(signedWith("", body).statusCode()).as("empty").isEqualTo(401);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void malformedJsonWithAValidSignatureIs400() throws Exception {
        byte[] body = utf8("{\"message\": {\"id\": \"wamid.1\"");

        HttpResponse<String> response = deliver(PATH, SECRET, body, "whatsapp.message.received", "k-bad");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Malformed JSON body");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void trailingContentAfterTheJsonIs400() throws Exception {
        byte[] body = utf8("{\"a\":1} {\"b\":2}");

        assertThat(deliver(PATH, SECRET, body, "whatsapp.message.received", "k-trail").statusCode()).isEqualTo(400);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aJsonArrayOrAnEmptyBodyIs400() throws Exception {
        assertThat(deliver(PATH, SECRET, utf8("[1,2]"), "x", "k-arr").statusCode()).isEqualTo(400);
        assertThat(deliver(PATH, SECRET, new byte[0], "x", "k-empty").statusCode()).isEqualTo(400);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aBodyOverMaxBodySizeIs413() throws Exception {
        byte[] body = utf8("{\"pad\":\"" + "x".repeat(5000) + "\"}");

        HttpResponse<String> response = deliver(PATH, SECRET, body, "whatsapp.message.received", "k-big");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("Body larger than 4096 bytes");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void aChunkedBodyOverMaxBodySizeIs413Too() throws Exception {
        byte[] body = utf8("{\"pad\":\"" + "x".repeat(5000) + "\"}");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(PATH)))
                .header("X-Webhook-Signature", sign(SECRET, body))
                .header("Content-Type", "application/json")
                // a stream of unknown length goes out chunked, without Content-Length
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> response = get(PATH);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(mock("events").getReceivedCounter()).isZero();
    }

    @Test
    void theAnswerEchoesNoRequestHeader() throws Exception {
        byte[] body = Payloads.bytes("message-received.json");

        HttpResponse<String> response = deliver(PATH, SECRET, body, "whatsapp.message.received", "idem-echo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-"));
        assertThat(response.body()).isEqualTo("OK");
    }

    @Test
    void aFailingRouteIs500WithAGenericMessage() throws Exception {
        context.getRouteController().stopRoute("webhook");
        context.removeRoute("webhook");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?webhookSecret=" + SECRET).routeId("failing")
                        .throwException(new IllegalStateException("database password=hunter2 rejected"));
            }
        });
        byte[] body = Payloads.bytes("message-received.json");

        HttpResponse<String> response = deliver(PATH, SECRET, body, "whatsapp.message.received", "idem-fail");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("Event processing failed; retry later").doesNotContain("hunter2");
    }
}
