package io.github.camelkapso.consumer.webhook;

/** A signed delivery whose JSON does not have the shape its kind requires; answered 400. */
final class MalformedDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedDeliveryException(String message) {
        super(message, null, false, false);
    }
}
