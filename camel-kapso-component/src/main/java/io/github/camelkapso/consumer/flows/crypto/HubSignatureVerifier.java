package io.github.camelkapso.consumer.flows.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} over the exact bytes
 * received, comparing in constant time. The header must be exactly {@code sha256=} and 64 hex digits: a lenient parser
 * would accept trailing junk or odd lengths. Several secrets may be configured during an app-secret rotation; any of
 * them matching is enough.
 */
public final class HubSignatureVerifier {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final int DIGEST_HEX_LENGTH = 64;

    private final List<SecretKeySpec> secrets;

    /** @param appSecrets one secret, or several separated by commas */
    public HubSignatureVerifier(String appSecrets) {
        List<SecretKeySpec> keys = new ArrayList<>();
        for (String secret : appSecrets.split(",")) {
            String trimmed = secret.trim();
            if (!trimmed.isEmpty()) {
                keys.add(new SecretKeySpec(trimmed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("flowsAppSecret is set but empty");
        }
        this.secrets = List.copyOf(keys);
    }

    /** Whether {@code headerValue} is a valid signature of {@code body} under one of the secrets. */
    public boolean verify(byte[] body, String headerValue) {
        byte[] expected = parse(headerValue);
        if (expected == null) {
            return false;
        }
        boolean match = false;
        for (SecretKeySpec secret : secrets) {
            // no early exit: the time taken does not depend on which secret matched
            match |= MessageDigest.isEqual(hmac(secret, body), expected);
        }
        return match;
    }

    /** The digest bytes, or null when the value is not exactly "sha256=" followed by 64 hex digits. */
    static byte[] parse(String headerValue) {
        if (headerValue == null || headerValue.length() != PREFIX.length() + DIGEST_HEX_LENGTH
            || !headerValue.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        byte[] digest = new byte[DIGEST_HEX_LENGTH / 2];
        for (int i = 0; i < digest.length; i++) {
            int hi = hex(headerValue.charAt(PREFIX.length() + 2 * i));
            int lo = hex(headerValue.charAt(PREFIX.length() + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        return digest;
    }

    /** ASCII hex only: Character.digit would also accept other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] hmac(SecretKeySpec secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "HubSignatureVerifier[" + secrets.size() + " secret(s)]";
    }
}
