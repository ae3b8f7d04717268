package io.github.camelkapso.consumer.flows;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Answer;
import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Envelope;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever cannot be decrypted is answered 421 and never reaches the route; too big is 413; only POST is served. */
class FlowsDataEndpointRejectionTest extends FlowsConsumerTestBase {

    private static final String INIT = "{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"tok\"}";

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:flowsDataEndpoint?maxBodySize=4096&" + businessKeyOption())
                        .process(FlowsDataEndpointRejectionTest.this::record)
                        .setBody(constant(Map.of("screen", "RATE", "data", Map.of())));
            }
        };
    }

    @Test
    void theUntouchedEnvelopeIsServed() {
        assertThat(client().exchange(INIT).status()).isEqualTo(200);
        assertThat(routed).hasSize(1);
    }

    @Test
    void aReplayedRequestIs421AndReachesTheRouteOnce() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);

        Answer first = client.post(envelope, envelope.json());
        Answer second = client.post(envelope, envelope.json());
        Answer third = client.post(envelope, envelope.json());

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(421);
        assertThat(second.body()).contains("replayed");
        assertThat(third.status()).isEqualTo(421);
        assertThat(routed).hasSize(1);
        assertThat(client.exchange(INIT).status()).as("a fresh request (new IV) is served").isEqualTo(200);
    }

    @Test
    void aTamperedCiphertextIs421AndNeverReachesTheRoute() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);
        byte[] data = Base64.getDecoder().decode(envelope.fields().get("encrypted_flow_data"));
        data[3] ^= 0x01;

        Answer answer = client.post(envelope, envelope.with("encrypted_flow_data", b64(data)).json());

        assertThat(answer.status()).isEqualTo(421);
        assertThat(routed).isEmpty();
    }

    @Test
    void aTamperedTagOrIvIs421() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);
        byte[] data = Base64.getDecoder().decode(envelope.fields().get("encrypted_flow_data"));
        data[data.length - 1] ^= 0x40;
        byte[] iv = envelope.iv().clone();
        iv[0] ^= 0x01;

        assertThat(client.post(envelope, envelope.with("encrypted_flow_data", b64(data)).json()).status()).isEqualTo(421);
        assertThat(client.post(envelope, envelope.with("initial_vector", b64(iv)).json()).status()).isEqualTo(421);
        assertThat(routed).isEmpty();
    }

    @Test
    void aRequestEncryptedForAnotherKeyIs421WithTheSameAnswerAsATamperedOne() {
        WhatsAppFlowsClient client = client();
        Envelope forOtherKey = client.encrypt(INIT, FlowsTestKeys.OTHER.getPublic());
        Envelope tampered = client.encrypt(INIT);
        byte[] data = Base64.getDecoder().decode(tampered.fields().get("encrypted_flow_data"));
        data[0] ^= 0x01;

        Answer wrongKey = client.post(forOtherKey, forOtherKey.json());
        Answer badTag = client.post(tampered, tampered.with("encrypted_flow_data", b64(data)).json());

        assertThat(wrongKey.status()).isEqualTo(421);
        // which step failed (RSA-OAEP unwrap or GCM tag) is not told: that would be a decryption oracle
        assertThat(wrongKey.body()).isEqualTo(badTag.body()).contains("cannot be decrypted");
        assertThat(routed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "encrypted_flow_data", "encrypted_aes_key", "initial_vector" })
    void aMissingFieldIs421NamingIt(String field) {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);

        Answer answer = client.post(envelope, envelope.with(field, null).json());

        assertThat(answer.status()).isEqualTo(421);
        assertThat(answer.body()).contains(field);
        assertThat(routed).isEmpty();
    }

    @Test
    void badBase64IsA421() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);

        Answer answer = client.post(envelope, envelope.with("encrypted_aes_key", "not*base64!").json());

        assertThat(answer.status()).isEqualTo(421);
        assertThat(answer.body()).contains("encrypted_aes_key").contains("base64");
        assertThat(routed).isEmpty();
    }

    @Test
    void aShortIvIs421() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);

        Answer answer = client.post(envelope, envelope.with("initial_vector", b64(new byte[12])).json());

        assertThat(answer.status()).isEqualTo(421);
        assertThat(routed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "[1,2]", "{\"encrypted_flow_data\":1,\"encrypted_aes_key\":2,\"initial_vector\":3}" })
    void aBodyThatIsNotAnEnvelopeIs421(String body) {
        Answer answer = client().post(null, body);

        assertThat(answer.status()).isEqualTo(421);
        assertThat(routed).isEmpty();
    }

    @Test
    void aPayloadThatDecryptsToSomethingOtherThanAJsonObjectIs421() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt("this is not JSON");

        assertThat(client.post(envelope, envelope.json()).status()).isEqualTo(421);
        assertThat(routed).isEmpty();
    }

    @Test
    void aBodyOverMaxBodySizeIs413() {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);
        String padded = envelope.json().replace("{", "{\"padding\":\"" + "x".repeat(5000) + "\",");

        Answer answer = client.post(envelope, padded);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("4096");
        assertThat(routed).isEmpty();
    }

    @Test
    void onlyPostIsServed() throws Exception {
        WhatsAppFlowsClient client = client();

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(client.endpoint()).GET().build());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(routed).isEmpty();
    }

    @Test
    void theRequestHeadersAreNotEchoedBack() throws Exception {
        WhatsAppFlowsClient client = client();
        Envelope envelope = client.encrypt(INIT);

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.endpoint())
                .header("X-Secret-Looking-Header", "abc")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.json(), StandardCharsets.UTF_8)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Secret-Looking-Header"));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
