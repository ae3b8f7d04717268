package io.github.camelkapso.consumer.webhook;

import java.util.function.Function;

/**
 * The delivery headers Kapso sets (section 3 of its webhook contract), read once from the HTTP request. None is
 * signed: {@link KapsoDeliveryReader} holds them against the body. X-Idempotency-Key is not read at all, events are
 * keyed on their signed content ({@link EventKeys}).
 */
record DeliveryHeaders(String eventType, String payloadVersion, boolean batch) {

    static final String EVENT = "X-Webhook-Event";
    static final String IDEMPOTENCY_KEY = "X-Idempotency-Key";
    static final String PAYLOAD_VERSION = "X-Webhook-Payload-Version";
    static final String BATCH = "X-Webhook-Batch";

    static DeliveryHeaders of(Function<String, String> headers) {
        return new DeliveryHeaders(blankToNull(headers.apply(EVENT)),
                blankToNull(headers.apply(PAYLOAD_VERSION)), "true".equalsIgnoreCase(headers.apply(BATCH)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
