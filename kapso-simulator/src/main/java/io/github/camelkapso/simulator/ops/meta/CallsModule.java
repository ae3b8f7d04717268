package io.github.camelkapso.simulator.ops.meta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * WhatsApp calls: the call history Kapso stores, call actions and call permissions. Rules:
 * <ul>
 * <li>listCalls lists the number's calls newest first with Graph cursor paging (limit 1-100, default 20),
 * filtered by direction (inbound|outbound), status (initiated|ringing|answered|completed|failed), since/until
 * (ISO 8601, on started_at) and call_id; other direction/status values or unparsable times are Graph 100. The
 * simulator answers every call field whatever ?fields says.</li>
 * <li>performCallAction needs messaging_product=whatsapp and an action. connect needs calling ENABLED on the number
 * (Graph 138000), to or recipient, a session with sdp_type offer and an sdp, the user's call permission (Graph
 * 138006), and fewer than 5 business-initiated calls to the user in 24 h (Graph 138005); it answers
 * {messaging_product, calls: [{id}]}. pre_accept and accept need a ringing inbound call and a session with
 * sdp_type answer; reject needs a ringing inbound call; terminate ends any active call. Other actions answer
 * {messaging_product, success: true}; an unknown call_id is a 404, an ended call Graph 100.</li>
 * <li>State machine: inbound calls ring until accepted (answered) or rejected (failed); outbound calls are
 * initiated, ring after 1 s and are answered after 4 s (scaled), or fail for numbers configured to fail;
 * terminating an answered call completes it with duration_seconds, any other active call fails.</li>
 * <li>getCallPermissions needs ?user_wa_id; permission.status is temporary (with expiration_time, 7 days after the
 * user granted it) or no_permission; actions send_call_permission_request (1 per 24 h, 2 per 7 days) and
 * start_call (only with permission, 5 per 24 h) with their limits; more than 5 lookups per second per number is
 * HTTP 429 Graph 613.</li>
 * </ul>
 * Users' side (ringing the business, hanging up, granting permission): {@link CallsService}.
 */
public final class CallsModule implements SimulatorModule {

    static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    static final Set<String> STATUSES = Set.of("initiated", "ringing", "answered", "completed", "failed");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store calls = ctx.state().store(Stores.CALLS);
        CallsService service = CallsService.of(ctx);
        MetaNodes nodes = new MetaNodes(ctx);

        handlers.on("listCalls", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            Predicate<ObjectNode> filter = c -> phoneId.equals(c.path("phone_number_id").asText());
            filter = filter.and(oneOf(r, "direction", DIRECTIONS)).and(oneOf(r, "status", STATUSES));
            String callId = r.query("call_id");
            if (callId != null && !callId.isEmpty()) {
                filter = filter.and(c -> callId.equals(c.path("call_id").asText()));
            }
            Instant since = time(r, "since");
            Instant until = time(r, "until");
            if (since != null) {
                filter = filter.and(c -> !Instant.parse(c.path("started_at").asText()).isBefore(since));
            }
            if (until != null) {
                filter = filter.and(c -> !Instant.parse(c.path("started_at").asText()).isAfter(until));
            }
            List<Store.Entry> entries = calls.newestFirst(filter, "started_at").stream()
                    .map(e -> new Store.Entry(CallsService.view(e.node()), e.seq())).toList();
            return Paging.cursor(r, entries, "started_at", true, 20, 100);
        });

        handlers.on("performCallAction", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            ObjectNode body = r.attributes();
            String action = body.path("action").asText();
            String opaque = body.hasNonNull("biz_opaque_callback_data") ? body.path("biz_opaque_callback_data").asText() : null;
            ObjectNode answer = SimState.object();
            answer.put("messaging_product", "whatsapp");
            if (action.equals("connect")) {
                String to = text(body, "to");
                String recipient = text(body, "recipient");
                if (to == null && recipient == null) {
                    throw MetaErrors.required("to");
                }
                requireSession(body, "offer", action);
                ObjectNode call = service.connect(phoneId, to, recipient, opaque);
                answer.putArray("calls").addObject().put("id", call.path("call_id").asText());
                return SimResponse.json(200, answer);
            }
            String callId = text(body, "call_id");
            if (callId == null) {
                throw MetaErrors.required("call_id");
            }
            if (action.equals("pre_accept") || action.equals("accept")) {
                requireSession(body, "answer", action);
            }
            service.act(phoneId, callId, action, opaque);
            answer.put("success", true);
            return SimResponse.json(200, answer);
        });

        handlers.on("getCallPermissions", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            String user = r.query("user_wa_id");
            if (user == null || user.isBlank()) {
                throw MetaErrors.required("user_wa_id");
            }
            return SimResponse.json(200, service.permissions(phoneId, user));
        });
    }

    private static void requireSession(ObjectNode body, String sdpType, String action) {
        JsonNode session = body.get("session");
        if (session == null || !session.isObject()) {
            throw MetaErrors.invalid("session", "is required for " + action);
        }
        if (!sdpType.equals(session.path("sdp_type").asText())) {
            throw MetaErrors.invalid("session.sdp_type", "must be " + sdpType + " for " + action);
        }
        if (session.path("sdp").asText("").isBlank()) {
            throw MetaErrors.invalid("session.sdp", "is required for " + action);
        }
    }

    private static Predicate<ObjectNode> oneOf(SimRequest r, String field, Set<String> allowed) {
        String value = r.query(field);
        if (value == null || value.isEmpty()) {
            return c -> true;
        }
        if (!allowed.contains(value)) {
            throw MetaErrors.invalid(field, "must be one of " + allowed);
        }
        return c -> value.equals(c.path(field).asText());
    }

    private static Instant time(SimRequest r, String name) {
        String value = r.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw MetaErrors.invalid(name, "must be an ISO 8601 time such as 2024-01-15T00:00:00Z");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
