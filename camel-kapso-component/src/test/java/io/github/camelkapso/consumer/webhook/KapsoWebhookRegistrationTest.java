package io.github.camelkapso.consumer.webhook;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** autoRegister creates or updates the Kapso webhook through the component's own operations, with a secret it keeps. */
@SuppressWarnings("unchecked")
class KapsoWebhookRegistrationTest extends WebhookTestSupport {

    private static final String NUMBER = "1555000111";

    private final FakeKapsoWebhooks kapsoWebhooks = new FakeKapsoWebhooks();

    @BeforeEach
    void fakeKapso() {
        stub.respond(kapsoWebhooks);
    }

    private String publicBase() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private void addRoute(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).to("mock:" + id);
            }
        });
    }

    private List<RecordedRequest> requests(String method) {
        return stub.requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    @Test
    void createsTheWebhookWithAGeneratedSecretAndVerifiesDeliveriesWithIt() throws Exception {
        addRoute("reg", "kapso:webhook?autoRegister=true&allowInsecureUrl=true&phoneNumberId=" + NUMBER
                        + "&publicUrl=" + publicBase());

        ObjectNode webhook = kapsoWebhooks.only();
        assertThat(webhook.path("url").asText()).isEqualTo(publicBase() + "/kapso/webhooks");
        assertThat(webhook.path("phone_number_id").asText()).isEqualTo(NUMBER);
        assertThat(webhook.path("kind").asText()).isEqualTo("kapso");
        assertThat(webhook.path("payload_version").asText()).isEqualTo("v2");
        assertThat(webhook.path("events")).extracting(e -> e.asText()).containsExactlyElementsOf(KapsoWebhookRegistrar.NUMBER_EVENTS);
        String secret = webhook.path("secret_key").asText();
        assertThat(secret).matches("[0-9a-f]{64}");
        RecordedRequest create = requests("POST").get(0);
        assertThat(create.rawPath()).isEqualTo("/platform/v1/whatsapp/phone_numbers/" + NUMBER + "/webhooks");
        assertThat(create.header("X-API-Key")).isEqualTo(API_KEY);

        byte[] body = Payloads.bytes("message-received.json");
        assertThat(deliver("/kapso/webhooks", "wrong", body, "whatsapp.message.received", "r-0").statusCode()).isEqualTo(401);
        HttpResponse<String> response = deliver("/kapso/webhooks", secret, body, "whatsapp.message.received", "r-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock("reg").getReceivedCounter()).isEqualTo(1);
        KapsoEndpoint endpoint = (KapsoEndpoint) context.getRoute("reg").getEndpoint();
        assertThat(endpoint.getWebhookService().isSecretGenerated()).isTrue();
        assertThat(endpoint.toString()).doesNotContain(secret);
    }

    @Test
    void updatesTheExistingWebhookForTheUrlInsteadOfCreatingAnother() throws Exception {
        kapsoWebhooks.add("https://other.example/hook", NUMBER, "kapso");
        kapsoWebhooks.add("https://third.example/hook", NUMBER, "kapso");
        ObjectNode existing = kapsoWebhooks.add("https://hooks.example.com/kapso/webhooks", NUMBER, "kapso");

        addRoute("upd", "kapso:webhook?autoRegister=true&webhookSecret=" + SECRET + "&phoneNumberId=" + NUMBER
                        + "&publicUrl=https://hooks.example.com&eventTypes=whatsapp.message.*&bufferEnabled=true"
                        + "&bufferWindowSeconds=3");

        assertThat(kapsoWebhooks.webhooks).hasSize(3);
        assertThat(requests("POST")).isEmpty();
        RecordedRequest patch = requests("PATCH").get(0);
        assertThat(patch.rawPath()).isEqualTo("/platform/v1/whatsapp/phone_numbers/" + NUMBER + "/webhooks/"
                                              + existing.path("id").asText());
        Map<String, Object> fields = FakeKapsoWebhooks.fieldsOf(patch);
        assertThat(fields).containsEntry("secret_key", SECRET).containsEntry("buffer_enabled", true)
                .containsEntry("buffer_window_seconds", 3).doesNotContainKey("kind");
        assertThat((List<Object>) fields.get("events")).containsExactly("whatsapp.message.received", "whatsapp.message.sent",
                "whatsapp.message.delivered", "whatsapp.message.read", "whatsapp.message.failed");
        assertThat(requests("GET")).as("the list was read past its first page").hasSize(2);
    }

    @Test
    void aRestartUpdatesTheWebhookItCreatedWithTheSameSecret() throws Exception {
        addRoute("again", "kapso:webhook?autoRegister=true&allowInsecureUrl=true&phoneNumberId=" + NUMBER
                          + "&publicUrl=" + publicBase());
        String secret = kapsoWebhooks.only().path("secret_key").asText();

        context.getRouteController().stopRoute("again");
        context.getRouteController().startRoute("again");

        assertThat(kapsoWebhooks.webhooks).hasSize(1);
        assertThat(requests("PATCH")).hasSize(1);
        assertThat(kapsoWebhooks.only().path("secret_key").asText()).isEqualTo(secret);
        byte[] body = Payloads.bytes("message-received.json");
        assertThat(deliver("/kapso/webhooks", secret, body, "whatsapp.message.received", "again-1").statusCode()).isEqualTo(200);
    }

    @Test
    void aPlainHttpPublicUrlIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> addRoute("insecure", "kapso:webhook?autoRegister=true&phoneNumberId=" + NUMBER
                                                      + "&publicUrl=http://hooks.example.com"))
                .hasMessageContaining("publicUrl http://hooks.example.com/kapso/webhooks is not HTTPS")
                .hasMessageContaining("allowInsecureUrl=true");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void kapsosRefusalFailsTheRouteStartWithKapsosMessageAndNoSecret() {
        kapsoWebhooks.failWith = StubResponse.json(422, "{\"error\":\"Url must be a valid HTTPS URL\"}");

        assertThatThrownBy(() -> addRoute("refused", "kapso:webhook?autoRegister=true&webhookSecret=" + SECRET
                                                     + "&phoneNumberId=" + NUMBER + "&publicUrl=https://hooks.example.com"))
                .hasMessageContaining("Could not register the Kapso webhook for https://hooks.example.com/kapso/webhooks")
                .hasMessageContaining("Url must be a valid HTTPS URL")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain(SECRET).doesNotContain(API_KEY));
        assertThat(get_status("/kapso/webhooks")).as("the path is no longer served").isEqualTo(404);
    }

    @Test
    void withoutAPhoneNumberIdTheNumberScopeIsRefused() {
        assertThatThrownBy(() -> addRoute("nonumber", "kapso:webhook?autoRegister=true&publicUrl=https://hooks.example.com"))
                .hasMessageContaining("needs the phoneNumberId option");
    }

    @Test
    void withoutPublicUrlRegistrationIsRefused() {
        assertThatThrownBy(() -> addRoute("nourl", "kapso:webhook?autoRegister=true&phoneNumberId=" + NUMBER))
                .hasMessageContaining("autoRegister needs publicUrl");
    }

    @Test
    void withoutSecretOrRegistrationTheConsumerDoesNotStart() {
        assertThatThrownBy(() -> addRoute("nosecret", "kapso:webhook"))
                .hasMessageContaining("needs webhookSecret");
    }

    @Test
    void aProjectWebhookSubscribesToLifecycleEvents() throws Exception {
        kapsoWebhooks.add("https://hooks.example.com/project", NUMBER, "kapso");

        addRoute("project", "kapso:webhook?autoRegister=true&webhookScope=project&webhookSecret=" + SECRET
                            + "&path=/project&publicUrl=https://hooks.example.com");

        assertThat(kapsoWebhooks.webhooks).as("the number webhook with the same URL is another scope's").hasSize(2);
        RecordedRequest create = requests("POST").get(0);
        assertThat(create.rawPath()).isEqualTo("/platform/v1/whatsapp/webhooks");
        assertThat((List<Object>) FakeKapsoWebhooks.fieldsOf(create).get("events"))
                .containsExactlyElementsOf(List.copyOf(KapsoWebhookRegistrar.PROJECT_EVENTS));
    }

    @Test
    void aMetaWebhookIsRegisteredWithoutEvents() throws Exception {
        addRoute("meta", "kapso:webhook?autoRegister=true&webhookKind=meta&webhookSecret=" + SECRET + "&phoneNumberId="
                         + NUMBER + "&publicUrl=https://hooks.example.com/meta");

        Map<String, Object> fields = FakeKapsoWebhooks.fieldsOf(requests("POST").get(0));
        assertThat(fields).containsEntry("kind", "meta").containsEntry("url", "https://hooks.example.com/meta")
                .doesNotContainKeys("events", "payload_version", "buffer_enabled");
    }

    @Test
    void aWebhookOfAnotherKindForTheUrlIsNotTouched() throws Exception {
        kapsoWebhooks.add("https://hooks.example.com/kapso/webhooks", NUMBER, "meta");

        assertThatThrownBy(() -> addRoute("kind", "kapso:webhook?autoRegister=true&webhookSecret=" + SECRET
                                                  + "&phoneNumberId=" + NUMBER + "&publicUrl=https://hooks.example.com"))
                .hasMessageContaining("is of kind meta, and a webhook's kind cannot change");
        assertThat(requests("PATCH")).isEmpty();
    }

    @Test
    void unregisterOnStopDeletesTheWebhook() throws Exception {
        addRoute("temp", "kapso:webhook?autoRegister=true&unregisterOnStop=true&webhookSecret=" + SECRET
                         + "&phoneNumberId=" + NUMBER + "&publicUrl=https://hooks.example.com");
        String id = kapsoWebhooks.only().path("id").asText();

        context.getRouteController().stopRoute("temp");

        assertThat(kapsoWebhooks.webhooks).isEmpty();
        assertThat(requests("DELETE")).singleElement().satisfies(r -> assertThat(r.rawPath())
                .isEqualTo("/platform/v1/whatsapp/phone_numbers/" + NUMBER + "/webhooks/" + id));
    }

    @Test
    void theWebhookStaysByDefaultWhenTheRouteStops() throws Exception {
        addRoute("stays", "kapso:webhook?autoRegister=true&webhookSecret=" + SECRET + "&phoneNumberId=" + NUMBER
                          + "&publicUrl=https://hooks.example.com");

        context.getRouteController().stopRoute("stays");

        assertThat(kapsoWebhooks.webhooks).hasSize(1);
        assertThat(requests("DELETE")).isEmpty();
    }

    private int get_status(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fullText(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }
}
