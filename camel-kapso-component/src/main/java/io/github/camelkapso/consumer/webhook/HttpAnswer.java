package io.github.camelkapso.consumer.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP response to one request: a status and a short plain-text reason. Written over a cleared message so that
 * nothing of the request (its headers, its body) is echoed back.
 */
record HttpAnswer(int status, String text, String allow) {

    static HttpAnswer of(int status, String text) {
        return new HttpAnswer(status, text, null);
    }

    void writeTo(Exchange request) {
        Message out = request.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (allow != null) {
            out.setHeader("Allow", allow);
        }
        out.setBody(text);
    }
}
