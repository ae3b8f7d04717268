package io.github.camelkapso.consumer;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The content-type rule of the HTTP consumers: Kapso, Meta and WhatsApp send JSON, so a request declaring anything
 * else (a form, multipart, text) is answered 415 before its body is read, and never parsed as a form.
 */
public final class JsonContentType {

    public static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private JsonContentType() {
    }

    /** Null when the request may be read as JSON (declared JSON, or no content type), else the refusal text. */
    public static String refusal(Message request) {
        String declared = request.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String mediaType = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json")) {
            return null;
        }
        return "Content-Type must be application/json";
    }
}
