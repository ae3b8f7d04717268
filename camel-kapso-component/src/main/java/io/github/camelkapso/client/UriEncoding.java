package io.github.camelkapso.client;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding: everything but unreserved characters is encoded, so '/' in an id cannot change the path. */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static String encode(String value) {
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isUnreserved(c)) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                out = new StringBuilder(bytes.length * 3);
                break;
            }
        }
        if (out == null) {
            return value;
        }
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
               || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
