package io.github.camelkapso.connectors.jdbc;

import io.github.camelkapso.event.KapsoEvent;

/** An event with the stable key it is de-duplicated and upserted on. */
record KeyedEvent(KapsoEvent event, String idempotencyKey) {
}
