package io.github.camelkapso.simulator.ops.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The phone-number health check: computed from the number's record, cached per number, rate limited per project.
 */
final class PhoneHealth {

    static final int PER_SECOND = 5;
    static final int PER_MINUTE = 60;
    static final long CACHE_MS = 3 * 60_000;
    /** The Meta app Kapso subscribes WABAs to, as the health check reports it. */
    static final String APP_ID = "789012345678901";
    private static final DateTimeFormatter VERIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private record Cached(ObjectNode payload, long expiresAtMillis) {
    }

    private final SimContext ctx;
    private final Map<String, Cached> cache = new HashMap<>();
    private long secondWindow = -1;
    private int secondCount;
    private long minuteWindow = -1;
    private int minuteCount;

    PhoneHealth(SimContext ctx) {
        this.ctx = ctx;
    }

    /** The configuration changed (or the number left): the next check runs afresh. */
    void forget(String phoneNumberId) {
        cache.remove(phoneNumberId);
    }

    SimResponse check(SimRequest r, Store phones) {
        long now = System.currentTimeMillis();
        if (now / 1000 != secondWindow) {
            secondWindow = now / 1000;
            secondCount = 0;
        }
        if (now / 60_000 != minuteWindow) {
            minuteWindow = now / 60_000;
            minuteCount = 0;
        }
        if (secondCount >= PER_SECOND || minuteCount >= PER_MINUTE) {
            ObjectNode body = SimState.object();
            body.put("error", "Rate limit exceeded");
            body.put("message", "WhatsApp health checks are limited to " + PER_SECOND + " requests per second and " + PER_MINUTE
                                + " requests per minute per project.");
            long retry = secondCount >= PER_SECOND && minuteCount < PER_MINUTE ? 1 : 60 - (now / 1000) % 60;
            return counters(SimResponse.json(429, body)).header("Retry-After", String.valueOf(Math.max(1, retry)));
        }
        secondCount++;
        minuteCount++;
        ObjectNode phone = PhoneNumbersModule.require(phones, r);
        String id = phone.path("id").asText();
        Cached cached = cache.get(id);
        if (cached == null || cached.expiresAtMillis() <= now) {
            cached = new Cached(evaluate(phone), now + ctx.clock().scaled(CACHE_MS));
            cache.put(id, cached);
        }
        return counters(SimResponse.json(200, cached.payload().deepCopy()));
    }

    private SimResponse counters(SimResponse response) {
        return response.header("X-Health-RateLimit-Second-Limit", String.valueOf(PER_SECOND))
                .header("X-Health-RateLimit-Second-Remaining", String.valueOf(Math.max(0, PER_SECOND - secondCount)))
                .header("X-Health-RateLimit-Minute-Limit", String.valueOf(PER_MINUTE))
                .header("X-Health-RateLimit-Minute-Remaining", String.valueOf(Math.max(0, PER_MINUTE - minuteCount)));
    }

    private ObjectNode evaluate(ObjectNode phone) {
        String id = phone.path("id").asText();
        String connection = phone.path("status").asText("UNKNOWN");
        if (!connection.equals("CONNECTED") && !connection.equals("DISCONNECTED")) {
            connection = "UNKNOWN";
        }
        ObjectNode body = SimState.object();
        body.put("status", "healthy");
        body.put("timestamp", ctx.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode checks = body.putObject("checks");

        ObjectNode access = checks.putObject("phone_number_access");
        access.put("passed", true);
        ObjectNode accessDetails = access.putObject("details");
        for (String f : new String[] {"verified_name", "display_phone_number", "quality_rating", "status", "throughput_tier"}) {
            accessDetails.set(f, phone.get(f) == null ? null : phone.get(f).deepCopy());
        }
        accessDetails.put("id", id);

        ObjectNode connectionCheck = checks.putObject("phone_number_connection");
        if (connection.equals("UNKNOWN")) {
            connectionCheck.putNull("passed");
        } else {
            connectionCheck.put("passed", connection.equals("CONNECTED"));
        }
        connectionCheck.putObject("details").put("status", connection);

        String canSend = !phone.path("messaging_enabled").asBoolean(true) ? "BLOCKED"
                : phone.path("quality_rating").asText("GREEN").equals("RED") ? "LIMITED" : "AVAILABLE";
        ObjectNode messaging = checks.putObject("messaging_health");
        messaging.put("passed", canSend.equals("AVAILABLE"));
        messaging.put("overall_status", canSend);
        ObjectNode messagingDetails = messaging.putObject("details");
        messagingDetails.put("can_send_message", canSend);
        ArrayNode entities = messagingDetails.putArray("entities");
        entities.addObject().put("entity_type", "PHONE_NUMBER").put("id", id).put("can_send_message", canSend);
        entities.addObject().put("entity_type", "WABA").put("id", phone.path("business_account_id").asText())
                .put("can_send_message", "AVAILABLE");
        entities.addObject().put("entity_type", "APP").put("id", APP_ID).put("can_send_message", "AVAILABLE");

        ObjectNode subscription = checks.putObject("webhook_subscription");
        subscription.put("passed", true);
        ObjectNode subscriptionDetails = subscription.putObject("details");
        subscriptionDetails.put("app_id", APP_ID);
        subscriptionDetails.put("subscribed", true);
        subscriptionDetails.putArray("subscribed_fields").add("messages").add("message_template_status_update");

        JsonNode verifiedAt = phone.get("webhook_verified_at");
        boolean verified = verifiedAt != null && !verifiedAt.isNull();
        ObjectNode verifiedCheck = checks.putObject("webhook_verified");
        verifiedCheck.put("passed", verified);
        ObjectNode verifiedDetails = verifiedCheck.putObject("details");
        if (verified) {
            verifiedDetails.put("verified_at", verifiedAt.asText());
            Instant at = Times.parse(verifiedAt.asText());
            verifiedDetails.put("message", "Webhook successfully verified at " + (at != null ? VERIFIED.format(at) : verifiedAt.asText()));
        } else {
            verifiedDetails.putNull("verified_at");
            verifiedDetails.put("message", "Webhook not yet verified by Meta");
        }

        if (connection.equals("DISCONNECTED") || canSend.equals("BLOCKED")) {
            body.put("status", "unhealthy");
        } else if (!canSend.equals("AVAILABLE") || !verified) {
            body.put("status", "degraded");
        }
        return body;
    }
}
