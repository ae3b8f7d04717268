package io.github.camelkapso.connectors.kafka;

/**
 * A body or record value that cannot be written as (or read back from) one Kapso event's JSON: not JSON, not a JSON
 * object, of a type the connector does not read, or holding a value Jackson cannot serialise. Retrying does not help, so
 * a route sends it to its dead-letter channel: {@code onException(KapsoEventSerializationException.class)}. The message
 * names the rule that failed, never the event's content.
 */
public class KapsoEventSerializationException extends RuntimeException {

    public KapsoEventSerializationException(String message) {
        super(message);
    }

    public KapsoEventSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
