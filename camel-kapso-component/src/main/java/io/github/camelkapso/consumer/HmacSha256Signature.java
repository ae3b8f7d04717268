package io.github.camelkapso.consumer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the raw request bytes, as Kapso ({@code X-Webhook-Signature: <hex>}) and Meta
 * ({@code X-Hub-Signature-256: sha256=<hex>}) send them, for every HTTP consumer of the component. The hex must be
 * exactly 64 ASCII hex digits (either case) and the prefix exactly {@code sha256=} (either case): a lenient parser
 * would accept trailing junk or odd lengths. Several secrets, separated by commas, may be configured during a
 * rotation: any of them matching is enough, and the comparison takes as long whichever matched.
 */
public final class HmacSha256Signature {

    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_HEX_LENGTH = 64;

    private final List<SecretKeySpec> secrets;

    private HmacSha256Signature(List<SecretKeySpec> secrets) {
        this.secrets = secrets;
    }

    /**
     * @param  option                   the option the secrets come from, named in the error
     * @param  secrets                  one secret, or several separated by commas
     * @throws IllegalArgumentException when no secret is left once blanks are dropped
     */
    public static HmacSha256Signature of(String option, String secrets) {
        List<SecretKeySpec> keys = new ArrayList<>();
        for (String secret : secrets == null ? new String[0] : secrets.split(",")) {
            String trimmed = secret.trim();
            if (!trimmed.isEmpty()) {
                keys.add(new SecretKeySpec(trimmed.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(option + " is set but empty");
        }
        return new HmacSha256Signature(List.copyOf(keys));
    }

    /** The first of several comma-separated secrets: the one to hand out (register) during a rotation. */
    public static String current(String secrets) {
        return secrets == null ? null : secrets.split(",", 2)[0].trim();
    }

    /** Whether {@code hex} (bare 64 hex digits) signs {@code body} under one of the secrets. */
    public boolean matchesHex(byte[] body, String hex) {
        return matches(body, decodeDigest(hex));
    }

    /** Whether {@code value} ({@code sha256=} and 64 hex digits) signs {@code body} under one of the secrets. */
    public boolean matchesPrefixed(byte[] body, String value) {
        if (value == null || value.length() != PREFIX.length() + DIGEST_HEX_LENGTH
            || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return matches(body, decodeDigest(value.substring(PREFIX.length())));
    }

    private boolean matches(byte[] body, byte[] claimed) {
        if (claimed == null) {
            return false;
        }
        boolean match = false;
        for (SecretKeySpec secret : secrets) {
            // no early exit: the time taken does not depend on which secret matched
            match |= MessageDigest.isEqual(hmac(secret, body), claimed);
        }
        return match;
    }

    /** The HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret}. */
    public static byte[] sign(String secret, byte[] body) {
        return hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), body);
    }

    /** The 32 bytes of a 64-digit hex digest, or null for anything else (other length, non-hex character, prefix). */
    static byte[] decodeDigest(String hex) {
        if (hex == null || hex.length() != DIGEST_HEX_LENGTH) {
            return null;
        }
        byte[] out = new byte[DIGEST_HEX_LENGTH / 2];
        for (int i = 0; i < out.length; i++) {
            int high = hexDigit(hex.charAt(2 * i));
            int low = hexDigit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    /** ASCII hex only: Character.digit would also accept full-width and other scripts' digits. */
    private static int hexDigit(char c) {
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
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSha256Signature[" + secrets.size() + " secret(s)]";
    }
}
