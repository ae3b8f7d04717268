package io.github.camelkapso.consumer.flows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Answer;
import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Envelope;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With flowsAppSecret set, X-Hub-Signature-256 over the exact bytes received is required: good 200, bad or missing 432,
 * and the route never sees an unsigned request.
 */
class FlowsSignatureTest extends FlowsConsumerTestBase {

    private static final String APP_SECRET = "app-secret-3f9a1c77";
    private static final String NEXT_APP_SECRET = "app-secret-rotated-b2e4";
    private static final String INIT = "{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"tok\"}";

    @Override
    protected void beforeRoutes(CamelContext context) {
        context.getPropertiesComponent().addInitialProperty("flows.app.secret", APP_SECRET);
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:flowsDataEndpoint?flowsAppSecret={{flows.app.secret}}&" + businessKeyOption())
                        .process(FlowsSignatureTest.this::record)
                        .setBody(constant(Map.of("screen", "RATE", "data", Map.of())));
                from("kapso:flowsDataEndpoint?path=/flows/rotating&flowsAppSecret=" + APP_SECRET + "," + NEXT_APP_SECRET
                     + "&" + businessKeyOption())
                        .process(FlowsSignatureTest.this::record)
                        .setBody(constant(Map.of("screen", "RATE", "data", Map.of())));
            }
        };
    }

    @Test
    void aGoodSignatureIsServed() {
        Answer answer = client().signingWith(APP_SECRET).exchange(INIT);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted().get("screen").asText()).isEqualTo("RATE");
        assertThat(routed).hasSize(1);
    }

    @Test
    void aMissingSignatureIs432() {
        Answer answer = client().exchange(INIT);

        assertThat(answer.status()).isEqualTo(432);
        assertThat(answer.body()).contains("signature");
        assertThat(routed).isEmpty();
    }

    @Test
    void aSignatureWithAnotherSecretIs432() {
        Answer answer = client().signingWith("someone-elses-secret").exchange(INIT);

        assertThat(answer.status()).isEqualTo(432);
        assertThat(routed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "sha256=", "sha1=abc", "sha256=zz", "TRAILING", "PREFIX" })
    void aMalformedSignatureIs432(String kind) {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);
        byte[] body = envelope.json().getBytes(StandardCharsets.UTF_8);
        String good = WhatsAppFlowsClient.sign(APP_SECRET, body);
        String header = switch (kind) {
            case "TRAILING" -> good + "00";
            case "PREFIX" -> "sha256=" + good.substring("sha256=".length() + 1);
            default -> kind;
        };

        Answer answer = client.post(envelope, body, Map.of("X-Hub-Signature-256", header));

        assertThat(answer.status()).isEqualTo(432);
        assertThat(routed).isEmpty();
    }

    @Test
    void theSignatureOfTheRequestBeforeTamperingIs432() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);
        String signature = WhatsAppFlowsClient.sign(APP_SECRET, envelope.json().getBytes(StandardCharsets.UTF_8));
        byte[] reformatted = envelope.json().replace(",", ", ").getBytes(StandardCharsets.UTF_8);

        Answer answer = client.post(envelope, reformatted, Map.of("X-Hub-Signature-256", signature));

        assertThat(answer.status()).isEqualTo(432);
        assertThat(routed).isEmpty();
    }

    @Test
    void theSignatureIsCheckedOverTheExactBytesIncludingNonAscii() {
        WhatsAppFlowsClient client = client().signingWith(APP_SECRET);
        Envelope envelope = client.encrypt(INIT);
        // pretty-printed, with escapes and non-ASCII text: re-serialising this would change the bytes
        String body = envelope.json().replace("{", "{\n  \"note\" : \"caf\\u00e9 — ☕ 𝄞\",\n  ");

        Answer answer = client.post(envelope, body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(routed).hasSize(1);
    }

    @Test
    void duringARotationBothSecretsAreAccepted() {
        assertThat(client("/flows/rotating").signingWith(APP_SECRET).exchange(INIT).status()).isEqualTo(200);
        assertThat(client("/flows/rotating").signingWith(NEXT_APP_SECRET).exchange(INIT).status()).isEqualTo(200);
        assertThat(client("/flows/rotating").signingWith("retired").exchange(INIT).status()).isEqualTo(432);
        assertThat(routed).hasSize(2);
    }

    @Test
    void uppercaseHexIsAccepted() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);
        byte[] body = envelope.json().getBytes(StandardCharsets.UTF_8);
        String upper = "sha256=" + WhatsAppFlowsClient.sign(APP_SECRET, body).substring(7).toUpperCase();

        assertThat(client.post(envelope, body, Map.of("X-Hub-Signature-256", upper)).status()).isEqualTo(200);
    }
}
