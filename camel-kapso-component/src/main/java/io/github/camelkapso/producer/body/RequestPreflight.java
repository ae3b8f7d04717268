package io.github.camelkapso.producer.body;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.PreflightRule;
import io.github.camelkapso.error.KapsoRequestException;

/** Checks the preflight rules the catalog declares for an operation on its JSON body, before the call. */
final class RequestPreflight {

    private RequestPreflight() {
    }

    static void check(KapsoOperation operation, JsonNode body) {
        for (PreflightRule rule : operation.preflight()) {
            JsonNode value = at(body, rule.field());
            switch (rule.kind()) {
                case MAX_ITEMS:
                    checkMaxItems(operation, rule, value);
                    break;
                case FUTURE_TIME:
                    checkFutureTime(rule.field(), value);
                    break;
                default:
                    throw new IllegalStateException("No check for preflight rule " + rule.kind());
            }
        }
    }

    private static JsonNode at(JsonNode body, String dottedPath) {
        JsonNode node = body;
        for (String name : dottedPath.split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    private static void checkMaxItems(KapsoOperation operation, PreflightRule rule, JsonNode items) {
        if (!items.isArray()) {
            throw new KapsoRequestException(rule.field() + " must be an array");
        }
        if (items.size() > rule.max()) {
            throw new KapsoRequestException(rule.field() + " has " + items.size() + " entries; Kapso takes at most "
                                            + rule.max() + " per " + operation.id() + " call");
        }
    }

    private static void checkFutureTime(String field, JsonNode time) {
        if (!time.isTextual()) {
            throw new KapsoRequestException(field + " is required: an ISO-8601 time in the future");
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(time.asText());
            if (!at.isAfter(OffsetDateTime.now())) {
                throw new KapsoRequestException(field + " must be in the future, got " + time.asText());
            }
        } catch (DateTimeParseException e) {
            throw new KapsoRequestException(field + " must be an ISO-8601 time with offset (e.g. 2026-12-01T09:00:00Z), got "
                                            + time.asText());
        }
    }
}
