package io.github.camelkapso.consumer.webhook;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.MessageReceived;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code webhook:kapso:webhook}: Camel's webhook meta-component serves the path; verification and registration are ours. */
class WebhookComponentTest extends WebhookTestSupport {

    private static final String NUMBER = "1555000222";
    private static final String TOKEN = "meta-token-77";

    private final FakeKapsoWebhooks kapsoWebhooks = new FakeKapsoWebhooks();

    private void addRoute(String id, String uri) throws Exception {
        stub.respond(kapsoWebhooks);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).to("mock:" + id);
            }
        });
    }

    @Test
    void deliveriesAreVerifiedAndSplitTheSameWay() throws Exception {
        addRoute("hook", "webhook:kapso:webhook?webhookComponentName=platform-http&webhookAutoRegister=false&webhookSecret="
                         + SECRET);
        byte[] batch = Payloads.bytes("batch.json");
        byte[] single = Payloads.bytes("message-received.json");

        assertThat(post("/kapso/webhooks", batch, Map.of("X-Webhook-Signature", sign(SECRET, batch), "X-Idempotency-Key", "wh-1",
                "X-Webhook-Batch", "true")).statusCode()).isEqualTo(200);
        assertThat(deliver("/kapso/webhooks", "not-the-secret", single, "whatsapp.message.received", "wh-2").statusCode())
                .isEqualTo(401);
        assertThat(post("/kapso/webhooks", single, Map.of()).statusCode()).isEqualTo(401);

        assertThat(mock("hook").getReceivedExchanges()).hasSize(3).allSatisfy(e -> {
            assertThat(e.getFromRouteId()).isEqualTo("hook");
            assertThat(e.getMessage().getHeader(KapsoConstants.BATCH_SIZE)).isEqualTo(3);
        });
        assertThat(mock("hook").getReceivedExchanges().get(1).getMessage().getBody(MessageReceived.class).message().text())
                .isEqualTo("Second");
    }

    @Test
    void theMetaComponentRegistersThroughTheSameCodeWithAGeneratedSecret() throws Exception {
        String base = "http://127.0.0.1:" + server.getPort();
        addRoute("registered", "webhook:kapso:webhook?webhookComponentName=platform-http&phoneNumberId=" + NUMBER
                               + "&allowInsecureUrl=true&publicUrl=" + base);

        ObjectNode webhook = kapsoWebhooks.only();
        assertThat(webhook.path("url").asText()).isEqualTo(base + "/kapso/webhooks");
        String secret = webhook.path("secret_key").asText();
        assertThat(secret).matches("[0-9a-f]{64}");

        byte[] body = Payloads.bytes("message-received.json");
        assertThat(deliver("/kapso/webhooks", secret, body, "whatsapp.message.received", "gen-1").statusCode()).isEqualTo(200);
        assertThat(mock("registered").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void withoutPublicUrlTheMetaComponentsExternalUrlIsRegistered() throws Exception {
        addRoute("external", "webhook:kapso:webhook?webhookComponentName=platform-http&webhookExternalUrl="
                             + "https://hooks.example.com&webhookSecret=" + SECRET + "&phoneNumberId=" + NUMBER);

        assertThat(kapsoWebhooks.only().path("url").asText()).isEqualTo("https://hooks.example.com/kapso/webhooks");
        assertThat(kapsoWebhooks.only().path("secret_key").asText()).isEqualTo(SECRET);
    }

    @Test
    void aMetaKindWebhookAnswersTheHandshakeThroughTheMetaComponent() throws Exception {
        addRoute("meta", "webhook:kapso:webhook?webhookComponentName=platform-http&webhookAutoRegister=false"
                         + "&webhookKind=meta&path=/meta-hook&webhookSecret=" + SECRET + "&verifyToken=" + TOKEN);

        assertThat(get("/meta-hook?hub.mode=subscribe&hub.verify_token=" + TOKEN + "&hub.challenge=99").body()).isEqualTo("99");
        assertThat(get("/meta-hook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=99").statusCode()).isEqualTo(403);
        byte[] body = Payloads.bytes("meta-messages.json");
        assertThat(post("/meta-hook", body, Map.of("X-Hub-Signature-256", "sha256=" + sign(SECRET, body))).statusCode())
                .isEqualTo(200);
        assertThat(mock("meta").getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void withoutSecretOrRegistrationTheRouteDoesNotStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> addRoute("bare",
                "webhook:kapso:webhook?webhookComponentName=platform-http&webhookAutoRegister=false"))
                .hasStackTraceContaining("needs webhookSecret");
    }
}
