package io.github.camelkapso.consumer;

import java.nio.charset.StandardCharsets;

import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one signature check of the webhook and Flows consumers: strict hex, strict prefix, secrets in rotation. */
class HmacSha256SignatureTest {

    private static final byte[] BODY = "{\"encrypted_flow_data\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsExactlySha256AndSixtyFourHexDigits() {
        HmacSha256Signature verifier = HmacSha256Signature.of("flowsAppSecret", "s1");
        String good = WhatsAppFlowsClient.sign("s1", BODY);

        assertThat(verifier.matchesPrefixed(BODY, good)).isTrue();
        assertThat(verifier.matchesPrefixed(BODY, "SHA256=" + good.substring(7))).isTrue();
        assertThat(verifier.matchesPrefixed(BODY, good + "0")).isFalse();
        assertThat(verifier.matchesPrefixed(BODY, good.substring(0, good.length() - 1))).isFalse();
        assertThat(verifier.matchesPrefixed(BODY, " " + good)).isFalse();
        assertThat(verifier.matchesPrefixed(BODY, good.substring(7))).isFalse();
        assertThat(verifier.matchesPrefixed(BODY, null)).isFalse();
        // Arabic-Indic digit three: Character.digit would take it for 3
        assertThat(verifier.matchesPrefixed(BODY, good.substring(0, 7) + "\u0663" + good.substring(8))).isFalse();
        assertThat(verifier.matchesPrefixed("{}".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(verifier.matchesHex(BODY, good.substring(7))).isTrue();
        assertThat(verifier.matchesHex(BODY, good)).as("a prefix where bare hex is expected").isFalse();
    }

    @Test
    void anyOfSeveralSecretsMatches() {
        HmacSha256Signature verifier = HmacSha256Signature.of("flowsAppSecret", "old , new");

        assertThat(verifier.matchesPrefixed(BODY, WhatsAppFlowsClient.sign("old", BODY))).isTrue();
        assertThat(verifier.matchesPrefixed(BODY, WhatsAppFlowsClient.sign("new", BODY))).isTrue();
        assertThat(verifier.matchesPrefixed(BODY, WhatsAppFlowsClient.sign("other", BODY))).isFalse();
        assertThat(verifier.toString()).isEqualTo("HmacSha256Signature[2 secret(s)]");
        assertThat(HmacSha256Signature.current("new, old")).isEqualTo("new");
    }

    @Test
    void anEmptySecretListIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> HmacSha256Signature.of("flowsAppSecret", " , ")).hasMessage("flowsAppSecret is set but empty");
    }

    @Test
    void theStrictHexDecoderRejectsWhatItShould() {
        String good = "0123456789abcdefABCDEF0123456789abcdef0123456789abcdef0123456789";
        assertThat(HmacSha256Signature.decodeDigest(good)).hasSize(32);
        assertThat(HmacSha256Signature.decodeDigest(good + "0")).isNull();
        assertThat(HmacSha256Signature.decodeDigest(good.substring(1))).isNull();
        assertThat(HmacSha256Signature.decodeDigest(good.substring(2) + "g0")).isNull();
        assertThat(HmacSha256Signature.decodeDigest(good.substring(2) + "\uFF10\uFF11")).as("full-width digits").isNull();
        assertThat(HmacSha256Signature.decodeDigest(null)).isNull();
    }
}
