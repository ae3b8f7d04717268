package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event the model has no type for (a new Kapso event, a legacy v1 payload, a Meta-forwarded call or another Meta field): kept
 * with its name and its JSON, never dropped.
 */
public record UnknownEvent(String type, JsonNode raw) implements KapsoEvent {
}
