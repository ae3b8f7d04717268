package io.github.camelkapso.producer.body;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoRequestException;

/** Rules Kapso enforces that are cheaper to check before the call than to learn from a 422. */
final class RequestPreflight {

    static final int MAX_RECIPIENTS_PER_CALL = 1000;

    private RequestPreflight() {
    }

    static void check(KapsoOperation operation, JsonNode body) {
        switch (operation.id()) {
            case "addBroadcastRecipients":
                checkRecipients(body.path(operation.wrapper()).path("recipients"));
                break;
            case "scheduleBroadcast":
                checkScheduledAt(body.path("scheduled_at"));
                break;
            default:
                break;
        }
    }

    private static void checkRecipients(JsonNode recipients) {
        if (!recipients.isArray()) {
            throw new KapsoRequestException("whatsapp_broadcast.recipients must be an array of recipients");
        }
        if (recipients.size() > MAX_RECIPIENTS_PER_CALL) {
            throw new KapsoRequestException("whatsapp_broadcast.recipients has " + recipients.size()
                                            + " entries; Kapso takes at most " + MAX_RECIPIENTS_PER_CALL
                                            + " per addBroadcastRecipients call");
        }
    }

    private static void checkScheduledAt(JsonNode scheduledAt) {
        if (!scheduledAt.isTextual()) {
            throw new KapsoRequestException("scheduled_at is required: an ISO-8601 time in the future");
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(scheduledAt.asText());
            if (!at.isAfter(OffsetDateTime.now())) {
                throw new KapsoRequestException("scheduled_at must be in the future, got " + scheduledAt.asText());
            }
        } catch (DateTimeParseException e) {
            throw new KapsoRequestException("scheduled_at must be an ISO-8601 time with offset (e.g. 2026-12-01T09:00:00Z), got "
                                            + scheduledAt.asText());
        }
    }
}
