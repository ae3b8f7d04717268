package io.github.camelkapso.consumer.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a hex HMAC-SHA256 signature of the raw request bytes. The hex must be exactly 64 digits (either case): a
 * lenient decoder that drops trailing junk or an odd last digit would accept signatures that are not the one sent.
 */
final class HmacSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_HEX_LENGTH = 64;

    private HmacSignature() {
    }

    /** Whether {@code hex} is the HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret}. */
    static boolean matches(String secret, byte[] body, String hex) {
        byte[] claimed = decodeDigest(hex);
        if (claimed == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body), claimed);
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The 32 bytes of a 64-digit hex digest, or null for anything else (other length, non-hex character, prefix). */
    static byte[] decodeDigest(String hex) {
        if (hex == null || hex.length() != DIGEST_HEX_LENGTH) {
            return null;
        }
        byte[] out = new byte[DIGEST_HEX_LENGTH / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0 || !isAsciiHex(hex.charAt(2 * i)) || !isAsciiHex(hex.charAt(2 * i + 1))) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    /** Character.digit also accepts full-width and other Unicode digits; a signature is ASCII. */
    private static boolean isAsciiHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
