package io.github.camelkapso.consumer.flows.crypto;

import java.nio.charset.StandardCharsets;

import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSignatureVerifierTest {

    private static final byte[] BODY = "{\"encrypted_flow_data\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsExactlySha256AndSixtyFourHexDigits() {
        HubSignatureVerifier verifier = new HubSignatureVerifier("s1");
        String good = WhatsAppFlowsClient.sign("s1", BODY);

        assertThat(verifier.verify(BODY, good)).isTrue();
        assertThat(verifier.verify(BODY, "SHA256=" + good.substring(7))).isTrue();
        assertThat(verifier.verify(BODY, good + "0")).isFalse();
        assertThat(verifier.verify(BODY, good.substring(0, good.length() - 1))).isFalse();
        assertThat(verifier.verify(BODY, " " + good)).isFalse();
        assertThat(verifier.verify(BODY, good.substring(7))).isFalse();
        assertThat(verifier.verify(BODY, null)).isFalse();
        // Arabic-Indic digit three: Character.digit would take it for 3
        assertThat(verifier.verify(BODY, good.substring(0, 7) + "\u0663" + good.substring(8))).isFalse();
        assertThat(verifier.verify("{}".getBytes(StandardCharsets.UTF_8), good)).isFalse();
    }

    @Test
    void anyOfSeveralSecretsMatches() {
        HubSignatureVerifier verifier = new HubSignatureVerifier("old , new");

        assertThat(verifier.verify(BODY, WhatsAppFlowsClient.sign("old", BODY))).isTrue();
        assertThat(verifier.verify(BODY, WhatsAppFlowsClient.sign("new", BODY))).isTrue();
        assertThat(verifier.verify(BODY, WhatsAppFlowsClient.sign("other", BODY))).isFalse();
        assertThat(verifier.toString()).isEqualTo("HubSignatureVerifier[2 secret(s)]");
    }

    @Test
    void anEmptySecretListIsRefused() {
        assertThatThrownBy(() -> new HubSignatureVerifier(" , ")).hasMessageContaining("empty");
    }
}
