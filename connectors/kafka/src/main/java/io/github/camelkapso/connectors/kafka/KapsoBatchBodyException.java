package io.github.camelkapso.connectors.kafka;

/**
 * The body holds many events (a batched delivery, or a list) where one event was expected: one record carries exactly
 * one event. Let {@code kapso:webhook} split batches (splitBatch=true, its default) before the record mapper.
 */
public class KapsoBatchBodyException extends RuntimeException {

    public KapsoBatchBodyException(String message) {
        super(message);
    }
}
