package io.github.camelkapso;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The CamelKapso* headers a {@code kapso:} answer or consumer put on the message, with the values it gave them. Some
 * are also parameter headers ({@code CamelKapsoMessageId} after a send, {@code CamelKapsoPage} after a list), and a
 * parameter header beats an endpoint option: without this record, {@code kapso:getMessage?messageId=X} after a send
 * would fetch the message just sent. A header that still holds the value Kapso gave it yields to an option written on
 * the endpoint; one the route set (or changed) keeps its documented precedence.
 */
public final class ProvidedHeaders {

    /** Exchange property holding the record. */
    public static final String PROPERTY = "CamelKapsoProvidedHeaders";

    private ProvidedHeaders() {
    }

    /** Sets the header and records that Kapso provided it; null removes both. */
    public static void set(Message message, String name, Object value) {
        Map<String, Object> provided = record(message.getExchange());
        if (value == null) {
            message.removeHeader(name);
            provided.remove(name);
        } else {
            message.setHeader(name, value);
            provided.put(name, value);
        }
    }

    /** True when the header holds exactly the value a kapso: answer or consumer gave it. */
    public static boolean unchanged(Exchange exchange, String name, Object value) {
        Object provided = exchange.getProperty(PROPERTY, Map.class) instanceof Map<?, ?> map ? map.get(name) : null;
        return provided != null && Objects.equals(provided, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Exchange exchange) {
        Map<String, Object> provided = exchange.getProperty(PROPERTY, Map.class);
        if (provided == null) {
            provided = new HashMap<>();
            exchange.setProperty(PROPERTY, provided);
        }
        return provided;
    }
}
