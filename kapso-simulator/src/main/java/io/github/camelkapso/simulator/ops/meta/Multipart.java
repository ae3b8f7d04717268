package io.github.camelkapso.simulator.ops.meta;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;

/**
 * A {@code multipart/form-data} body split into its parts (RFC 7578), read from the raw request bytes and the
 * boundary of the Content-Type header. Uploads (media, Flow JSON) arrive this way.
 */
final class Multipart {

    /** One form part: its field name, optional file name and Content-Type, and the exact bytes it carried. */
    record Part(String name, String fileName, String contentType, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Part> parts;

    private Multipart(Map<String, Part> parts) {
        this.parts = parts;
    }

    Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    /** The text value of a plain field, or null when the form has no such part. */
    String field(String name) {
        Part p = parts.get(name);
        return p == null ? null : p.text().trim();
    }

    /** Parses the request body; a missing or malformed multipart body is the surface's 400. */
    static Multipart parse(SimRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.badRequest(request.operation(), "The request must be multipart/form-data (got "
                                                           + (contentType == null ? "no Content-Type" : contentType) + ")");
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw ApiError.badRequest(request.operation(), "The multipart/form-data Content-Type has no boundary");
        }
        try {
            return new Multipart(split(request.body(), boundary));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(request.operation(), "Malformed multipart/form-data body: " + e.getMessage());
        }
    }

    private static Map<String, Part> split(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("boundary " + boundary + " not found");
        }
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return parts;
            }
            int headersStart = skipLineBreak(body, afterDelimiter);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a part has no header terminator");
            }
            int contentStart = headersEnd + 4;
            byte[] closing = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int next = indexOf(body, closing, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("the closing boundary is missing");
            }
            Part part = part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(body, contentStart, next));
            if (part.name() != null) {
                parts.putIfAbsent(part.name(), part);
            }
            at = next + 2;
        }
    }

    private static Part part(String headerBlock, byte[] content) {
        String name = null;
        String fileName = null;
        String contentType = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
                fileName = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        return new Part(name, fileName, contentType, content);
    }

    /** A parameter of a header value ({@code name="file"}, {@code boundary=abc}), unquoted. */
    static String parameter(String headerValue, String parameter) {
        for (String piece : headerValue.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(parameter)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
                return v;
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] body, int at) {
        if (startsWith(body, at, "\r\n")) {
            return at + 2;
        }
        if (startsWith(body, at, "\n")) {
            return at + 1;
        }
        return at;
    }

    private static boolean startsWith(byte[] body, int at, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (at + p.length > body.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (body[at + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
