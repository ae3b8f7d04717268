package io.github.camelkapso.simulator.ops.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * WhatsApp calls of the project and the users' call permissions: the call records Kapso stores
 * ({@link Stores#CALLS}) and their state machine, shared by the calls operations and by anything that simulates
 * the user's side. Other modules use:
 * <ul>
 * <li>{@link #ring(String, String)}: a WhatsApp user calls a business number (the admin inbound API); answers the
 * ringing call record ({@code call_id} is the wacid to accept, pre_accept, reject or terminate).</li>
 * <li>{@link #hangUp(String, String)}: the user ends a call.</li>
 * <li>{@link #grantPermission(String, String)}: the user grants call permission (e.g. accepts a call permission
 * request); {@link #recordPermissionRequest(String, String)} counts a call permission request message.</li>
 * </ul>
 * Calls run initiated → ringing → answered → completed, or end failed (rejected, unanswered, hung up before the
 * answer, or to a number configured to fail). Outbound calls ring after 1 s and are answered by the simulated user
 * after 4 s (scaled by the time factor).
 */
public final class CallsService {

    static final long OUTBOUND_RINGING_AFTER_MS = 1_000;
    static final long OUTBOUND_ANSWERED_AFTER_MS = 4_000;
    /** How long a user's call permission lasts. */
    static final Duration PERMISSION_LIFE = Duration.ofDays(7);
    /** Business-initiated calls per user in 24 h (the spec's start_call limit). */
    static final int START_CALL_MAX_PER_DAY = 5;
    static final int PERMISSION_REQUESTS_PER_DAY = 1;
    static final int PERMISSION_REQUESTS_PER_WEEK = 2;
    /** Meta answers call permission lookups at most 5 times per second per number. */
    static final int PERMISSION_LOOKUPS_PER_SECOND = 5;
    static final Set<String> ACTIVE = Set.of("initiated", "ringing", "answered");
    static final List<String> INTERNAL_FIELDS = List.of("biz_opaque_callback_data", "pre_accepted");

    private final SimContext ctx;
    private final Store calls;
    private final Store permissions;
    private final Map<String, Deque<Long>> lookups = new HashMap<>();

    private CallsService(SimContext ctx) {
        this.ctx = ctx;
        this.calls = ctx.state().store(Stores.CALLS);
        this.permissions = ctx.state().store(MetaStores.CALL_PERMISSIONS);
    }

    public static CallsService of(SimContext ctx) {
        return ctx.shared(CallsService.class, () -> new CallsService(ctx));
    }

    /**
     * A WhatsApp user calls the business number: a ringing inbound call. With callback permission ENABLED in the
     * number's calling settings, the call also grants the business permission to call the user back.
     *
     * @throws ApiError 409 when calling is not ENABLED on the number (users cannot call it)
     */
    public ObjectNode ring(String phoneNumberId, String from) {
        ObjectNode phone = phone(phoneNumberId);
        if (!NumberSettings.of(ctx).callingEnabled(phoneNumberId)) {
            throw ApiError.platform(409, "Calling is not enabled on phone number " + phoneNumberId
                                         + "; enable it with updateNumberSettings {\"calling\": {\"status\": \"ENABLED\"}}");
        }
        ObjectNode call = newCall(phone, Messaging.digits(from), null, "inbound", "ringing");
        if (NumberSettings.of(ctx).callbackPermissionEnabled(phoneNumberId)) {
            grantPermission(phoneNumberId, from);
        }
        return call.deepCopy();
    }

    /** The user ends a call (ringing inbound calls end missed: failed). */
    public void hangUp(String phoneNumberId, String callId) {
        ObjectNode call = find(phoneNumberId, callId).orElseThrow(() -> ApiError.platform(404, "No call " + callId
                                                                                               + " on phone number " + phoneNumberId));
        if (ACTIVE.contains(call.path("status").asText())) {
            end(call);
        }
    }

    /** The user grants the business a temporary permission to call them (7 days). */
    public void grantPermission(String phoneNumberId, String waId) {
        ObjectNode p = permission(phoneNumberId, waId);
        p.put("expires_at", ctx.clock().now().plus(PERMISSION_LIFE).toString());
    }

    /** Counts a call permission request sent to the user (limited to 1 a day and 2 a week). */
    public void recordPermissionRequest(String phoneNumberId, String waId) {
        permission(phoneNumberId, waId).withArray("requests").add(ctx.clock().iso());
    }

    public boolean hasPermission(String phoneNumberId, String waId) {
        JsonNode expires = permission(phoneNumberId, waId).get("expires_at");
        return expires != null && !expires.isNull() && Instant.parse(expires.asText()).isAfter(ctx.clock().now());
    }

    ObjectNode connect(String phoneNumberId, String to, String recipient, String opaque) {
        ObjectNode phone = phone(phoneNumberId);
        if (!NumberSettings.of(ctx).callingEnabled(phoneNumberId)) {
            throw MetaErrors.CALLING_NOT_ENABLED.error("Calling is not enabled on phone number " + phoneNumberId);
        }
        String user = to != null ? Messaging.digits(to) : recipient;
        if (!hasPermission(phoneNumberId, user)) {
            throw MetaErrors.NO_CALL_PERMISSION.error("The user " + user + " has not granted permission to be called");
        }
        if (startCallsToday(phoneNumberId, user) >= START_CALL_MAX_PER_DAY) {
            throw MetaErrors.CALL_RATE_LIMIT.error("At most " + START_CALL_MAX_PER_DAY + " business-initiated calls per user in 24 hours");
        }
        ObjectNode call = newCall(phone, to == null ? null : user, to == null ? recipient : null, "outbound", "initiated");
        if (opaque != null) {
            call.put("biz_opaque_callback_data", opaque);
        }
        String id = call.path("id").asText();
        ctx.later(OUTBOUND_RINGING_AFTER_MS, () -> calls.get(id).filter(c -> "initiated".equals(c.path("status").asText()))
                .ifPresent(c -> {
                    if (ctx.config().isFailingNumber(c.path("user_wa_id").asText(null))) {
                        end(c);
                    } else {
                        status(c, "ringing");
                    }
                }));
        ctx.later(OUTBOUND_ANSWERED_AFTER_MS, () -> calls.get(id).filter(c -> "ringing".equals(c.path("status").asText()))
                .ifPresent(this::answer));
        return call;
    }

    /** pre_accept, accept, reject or terminate on a stored call. */
    void act(String phoneNumberId, String callId, String action, String opaque) {
        ObjectNode call = find(phoneNumberId, callId).orElseThrow(() -> ApiError.graph(404, 100, "OAuthException",
                "(#100) Invalid parameter", null, "call_id " + callId + " is not a call of phone number " + phoneNumberId));
        String status = call.path("status").asText();
        if (!ACTIVE.contains(status)) {
            throw MetaErrors.invalid("call_id", "names a call that has ended (" + status + ")");
        }
        boolean inboundRinging = "inbound".equals(call.path("direction").asText()) && status.equals("ringing");
        switch (action) {
            case "pre_accept" -> {
                requireInboundRinging(inboundRinging, action, call);
                call.put("pre_accepted", true);
                call.put("updated_at", ctx.clock().iso());
            }
            case "accept" -> {
                requireInboundRinging(inboundRinging, action, call);
                if (opaque != null) {
                    call.put("biz_opaque_callback_data", opaque);
                }
                answer(call);
            }
            case "reject" -> {
                requireInboundRinging(inboundRinging, action, call);
                end(call);
            }
            default -> end(call);
        }
    }

    /** The permission state of a user, in the shape of Meta's call_permissions answer. */
    ObjectNode permissions(String phoneNumberId, String waId) {
        phone(phoneNumberId);
        throttleLookups(phoneNumberId);
        Instant now = ctx.clock().now();
        boolean granted = hasPermission(phoneNumberId, waId);
        ObjectNode body = SimState.object();
        body.put("messaging_product", "whatsapp");
        ObjectNode permission = body.putObject("permission");
        permission.put("status", granted ? "temporary" : "no_permission");
        if (granted) {
            permission.put("expiration_time", Instant.parse(permission(phoneNumberId, waId).path("expires_at").asText()).getEpochSecond());
        }
        ArrayNode actions = body.putArray("actions");
        List<Instant> requests = times(permission(phoneNumberId, waId).path("requests"));
        long today = requests.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(24)))).count();
        long week = requests.stream().filter(t -> t.isAfter(now.minus(Duration.ofDays(7)))).count();
        ObjectNode request = actions.addObject();
        request.put("action_name", "send_call_permission_request");
        request.put("can_perform_action", !granted && today < PERMISSION_REQUESTS_PER_DAY && week < PERMISSION_REQUESTS_PER_WEEK);
        ArrayNode requestLimits = request.putArray("limits");
        limit(requestLimits, "PT24H", PERMISSION_REQUESTS_PER_DAY, today, requests, Duration.ofHours(24), now);
        limit(requestLimits, "P7D", PERMISSION_REQUESTS_PER_WEEK, week, requests, Duration.ofDays(7), now);
        ObjectNode start = actions.addObject();
        start.put("action_name", "start_call");
        ArrayNode startLimits = start.putArray("limits");
        if (granted) {
            List<Instant> started = startCallTimes(phoneNumberId, waId);
            long used = started.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(24)))).count();
            start.put("can_perform_action", used < START_CALL_MAX_PER_DAY);
            limit(startLimits, "PT24H", START_CALL_MAX_PER_DAY, used, started, Duration.ofHours(24), now);
        } else {
            start.put("can_perform_action", false);
        }
        return body;
    }

    /** A call as the list shows it, without the simulator's bookkeeping. */
    static ObjectNode view(ObjectNode call) {
        ObjectNode v = call.deepCopy();
        INTERNAL_FIELDS.forEach(v::remove);
        return v;
    }

    Optional<ObjectNode> find(String phoneNumberId, String callId) {
        return calls.find(c -> callId.equals(c.path("call_id").asText()) && phoneNumberId.equals(c.path("phone_number_id").asText()));
    }

    private static void requireInboundRinging(boolean ok, String action, ObjectNode call) {
        if (!ok) {
            throw MetaErrors.invalid("action", action + " needs a ringing inbound call; call " + call.path("call_id").asText() + " is "
                                               + call.path("direction").asText() + " and " + call.path("status").asText());
        }
    }

    private void answer(ObjectNode call) {
        call.put("session_started_at", ctx.clock().iso());
        status(call, "answered");
    }

    private void end(ObjectNode call) {
        Instant now = ctx.clock().now();
        call.put("ended_at", now.toString());
        if ("answered".equals(call.path("status").asText())) {
            Instant from = Instant.parse(call.path("session_started_at").asText());
            call.put("duration_seconds", Math.max(0, Duration.between(from, now).toSeconds()));
            status(call, "completed");
        } else {
            status(call, "failed");
        }
    }

    private void status(ObjectNode call, String status) {
        call.put("status", status);
        call.put("updated_at", ctx.clock().iso());
    }

    private ObjectNode newCall(ObjectNode phone, String waId, String bsuid, String direction, String status) {
        String now = ctx.clock().iso();
        ObjectNode c = SimState.object();
        c.put("id", Ids.uuid());
        c.put("call_id", Ids.wacid());
        c.put("direction", direction);
        c.put("status", status);
        c.putNull("duration_seconds");
        c.put("started_at", now);
        c.putNull("ended_at");
        c.putNull("session_started_at");
        c.put("created_at", now);
        c.put("updated_at", now);
        c.put("user_wa_id", waId);
        c.put("business_scoped_user_id", bsuid);
        c.putNull("parent_business_scoped_user_id");
        c.putNull("username");
        String phoneId = phone.path("id").asText();
        ObjectNode contact = waId == null ? null : Messaging.of(ctx).contact(phoneId, waId, null);
        ObjectNode conversation = waId == null ? null : ctx.state().store(Stores.CONVERSATIONS)
                .find(k -> phoneId.equals(k.path("phone_number_id").asText()) && waId.equals(k.path("phone_number").asText())
                           && "active".equals(k.path("status").asText())).orElse(null);
        c.put("whatsapp_contact_id", contact == null ? null : contact.path("id").asText());
        c.put("whatsapp_conversation_id", conversation == null ? null : conversation.path("id").asText());
        c.put("project_id", ctx.state().projectId());
        c.put("whatsapp_config_id", phone.path("internal_id").asText(phoneId));
        c.set("config_display_name", phone.has("display_name") ? phone.get("display_name") : phone.get("verified_name"));
        c.set("config_display_phone_number", phone.get("display_phone_number"));
        c.put("phone_number_id", phoneId);
        if (contact == null) {
            c.putNull("whatsapp_contact");
        } else {
            ObjectNode k = c.putObject("whatsapp_contact");
            for (String f : List.of("id", "wa_id", "profile_name", "display_name")) {
                k.set(f, contact.get(f));
            }
        }
        if (conversation == null) {
            c.putNull("whatsapp_conversation");
        } else {
            ObjectNode k = c.putObject("whatsapp_conversation");
            for (String f : List.of("id", "phone_number", "status", "last_active_at")) {
                k.set(f, conversation.get(f));
            }
        }
        return calls.put(c);
    }

    private ObjectNode phone(String phoneNumberId) {
        return ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId)
                .orElseThrow(() -> ApiError.notFound(null, "Phone number " + phoneNumberId));
    }

    private ObjectNode permission(String phoneNumberId, String waId) {
        String user = waId.startsWith("US.") || !waId.matches(".*\\d.*") ? waId : Messaging.digits(waId);
        String id = phoneNumberId + ":" + user;
        return permissions.get(id).orElseGet(() -> {
            ObjectNode p = SimState.object();
            p.put("id", id);
            p.put("phone_number_id", phoneNumberId);
            p.put("user", user);
            p.putNull("expires_at");
            p.putArray("requests");
            return permissions.put(p);
        });
    }

    private long startCallsToday(String phoneNumberId, String user) {
        Instant since = ctx.clock().now().minus(Duration.ofHours(24));
        return startCallTimes(phoneNumberId, user).stream().filter(t -> t.isAfter(since)).count();
    }

    private List<Instant> startCallTimes(String phoneNumberId, String user) {
        String digits = Messaging.digits(user);
        return calls.all().stream()
                .filter(c -> phoneNumberId.equals(c.path("phone_number_id").asText()) && "outbound".equals(c.path("direction").asText())
                             && (digits.equals(c.path("user_wa_id").asText()) || user.equals(c.path("business_scoped_user_id").asText())))
                .map(c -> Instant.parse(c.path("started_at").asText())).toList();
    }

    private static List<Instant> times(JsonNode array) {
        List<Instant> out = new java.util.ArrayList<>();
        array.forEach(t -> out.add(Instant.parse(t.asText())));
        return out;
    }

    private static void limit(ArrayNode limits, String period, int max, long used, List<Instant> times, Duration window, Instant now) {
        ObjectNode l = limits.addObject();
        l.put("time_period", period);
        l.put("max_allowed", max);
        l.put("current_usage", used);
        if (used >= max) {
            Instant oldest = times.stream().filter(t -> t.isAfter(now.minus(window))).min(Instant::compareTo).orElse(now);
            l.put("limit_expiration_time", oldest.plus(window).getEpochSecond());
        }
    }

    private void throttleLookups(String phoneNumberId) {
        long now = System.currentTimeMillis();
        Deque<Long> recent = lookups.computeIfAbsent(phoneNumberId, k -> new ArrayDeque<>());
        while (!recent.isEmpty() && recent.peekFirst() <= now - 1_000) {
            recent.pollFirst();
        }
        if (recent.size() >= PERMISSION_LOOKUPS_PER_SECOND) {
            throw MetaErrors.CALL_PERMISSION_RATE_LIMIT.error("At most " + PERMISSION_LOOKUPS_PER_SECOND
                                                              + " call permission lookups per second per phone number").withRetryAfter("1");
        }
        recent.addLast(now);
    }
}
