package io.github.camelkapso.consumer.flows;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The HTTP answer the consumer gives WhatsApp: a status, a content type and a body. */
record FlowsHttpAnswer(int status, String contentType, String body) {

    static final int OK = 200;
    static final int PAYLOAD_TOO_LARGE = 413;
    static final int CANNOT_DECRYPT = 421;
    static final int FLOW_TOKEN_INVALID = 427;
    static final int SIGNATURE_FAILED = 432;
    static final int INTERNAL_ERROR = 500;

    static FlowsHttpAnswer encrypted(String base64) {
        return new FlowsHttpAnswer(OK, "text/plain", base64);
    }

    static FlowsHttpAnswer text(int status, String message) {
        return new FlowsHttpAnswer(status, "text/plain; charset=utf-8", message);
    }

    static FlowsHttpAnswer json(int status, String json) {
        return new FlowsHttpAnswer(status, "application/json", json);
    }

    /** Replaces the platform-http message with this answer; the request headers are dropped so none is echoed back. */
    void writeTo(Exchange http) {
        Message out = http.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setBody(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
