package io.github.camelkapso.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP response an HTTP consumer gives one request: a status, a content type, a short body and, for a 405, the
 * allowed methods. Written over a cleared message so that nothing of the request (its headers, its body) is echoed
 * back.
 */
public record HttpAnswer(int status, String contentType, String body, String allow) {

    public static final String TEXT = "text/plain; charset=utf-8";

    /** A plain-text answer; the text must hold nothing secret (it goes back to the caller). */
    public static HttpAnswer text(int status, String text) {
        return new HttpAnswer(status, TEXT, text, null);
    }

    public static HttpAnswer of(int status, String contentType, String body) {
        return new HttpAnswer(status, contentType, body, null);
    }

    /** 405 naming the methods the path serves. */
    public static HttpAnswer methodNotAllowed(String allow) {
        return new HttpAnswer(405, TEXT, "Method not allowed", allow);
    }

    public void writeTo(Exchange request) {
        Message out = request.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        if (allow != null) {
            out.setHeader("Allow", allow);
        }
        out.setBody(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
