package io.github.camelkapso.simulator.ops.messaging;

import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Conversations on both surfaces: the Meta proxy's per-number list and reads, its id-only read and status update
 * (used by Kapso's SDK), and the Platform's project-wide list, read and status update. Rules:
 * <ul>
 * <li>a conversation is active until ended; ending it (Platform {@code whatsapp_conversation.status = ended} or the
 * proxy's {@code {"status": "ended"}}) emits whatsapp.conversation.ended; the next message starts a new conversation,
 * while the user's 24-hour window carries over; {@code active} reopens it;</li>
 * <li>status must be active or ended (Platform 422, proxy 400 code 100);</li>
 * <li>lists are ordered by last activity, most recent first, cursor-paginated (limit 1-100, default 20; cursors
 * record last_active_at);</li>
 * <li>filters: status, phone_number (proxy: same number; Platform: partial), assigned_user_id (active assignee, a
 * project member), unassigned (no active assignment), last_active_since/until (proxy),
 * phone_number_id, created_after/before, last_active_after/before (Platform); unassigned cannot be combined with
 * assigned_user_id (422);</li>
 * <li>the proxy returns the conversation bare with the kapso block only when {@code fields=kapso(...)} asks for it;
 * the Platform returns {@code {"data": ...}} with the kapso block always;</li>
 * <li>a conversation of another number, or an unknown one, is a 404 (Graph on the proxy, "Conversation not found" on
 * the Platform).</li>
 * </ul>
 */
public final class ConversationsModule implements SimulatorModule {

    private static final Set<String> STATUSES = Set.of("active", "ended");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store conversations = ctx.state().store(Stores.CONVERSATIONS);
        Assignments assignments = Assignments.of(ctx);

        handlers.on("listConversations", r -> {
            String phoneNumberId = PhoneNumbers.require(ctx, r).path("id").asText();
            Predicate<ObjectNode> filter = assignmentFilters(r, assignments)
                    .samePhone("phone_number", c -> c.path("phone_number"))
                    .from("last_active_since", c -> Filters.iso(c.get("last_active_at")))
                    .to("last_active_until", c -> Filters.iso(c.get("last_active_at")))
                    .and(c -> phoneNumberId.equals(c.path("phone_number_id").asText()))
                    .build();
            KapsoFields fields = KapsoFields.parse(r.query("fields"));
            return Views.mapData(Paging.cursor(r, conversations.newestFirst(filter, "last_active_at"), "last_active_at", true, 20, 100),
                    fields::apply);
        });
        handlers.on("getConversation", r -> {
            String phoneNumberId = PhoneNumbers.require(ctx, r).path("id").asText();
            ObjectNode c = conversations.get(r.path("conversation_id"))
                    .filter(found -> phoneNumberId.equals(found.path("phone_number_id").asText()))
                    .orElseThrow(() -> ApiError.notFound(r.operation(), r.path("conversation_id")));
            return SimResponse.json(200, KapsoFields.parse(r.query("fields")).apply(c));
        });
        handlers.on("getConversationById", r -> SimResponse.json(200,
                KapsoFields.parse(r.query("fields")).apply(requireMeta(conversations, r))));
        handlers.on("updateConversation", r -> {
            ObjectNode c = requireMeta(conversations, r);
            JsonNode status = r.attributes().get("status");
            if (status == null || !status.isTextual() || !STATUSES.contains(status.asText())) {
                throw ApiError.invalid(r.operation(), "status", "must be one of " + STATUSES);
            }
            Messaging.of(ctx).setConversationStatus(c, status.asText());
            return SimResponse.success();
        });

        handlers.on("listProjectConversations", r -> {
            Predicate<ObjectNode> filter = assignmentFilters(r, assignments)
                    .equal("phone_number_id", c -> c.path("phone_number_id"))
                    .phoneContains("phone_number", c -> c.path("phone_number"))
                    .from("created_after", c -> Filters.iso(c.get("created_at")))
                    .to("created_before", c -> Filters.iso(c.get("created_at")))
                    .from("last_active_after", c -> Filters.iso(c.get("last_active_at")))
                    .to("last_active_before", c -> Filters.iso(c.get("last_active_at")))
                    .build();
            return Views.mapData(Paging.cursor(r, conversations.newestFirst(filter, "last_active_at"), "last_active_at", false, 20, 100),
                    KapsoFields.all()::apply);
        });
        handlers.on("getProjectConversation", r -> SimResponse.data(200, KapsoFields.all().apply(requirePlatform(conversations, r))));
        handlers.on("updateConversationStatus", r -> {
            ObjectNode c = requirePlatform(conversations, r);
            // The published schema already limits status to active | ended.
            Messaging.of(ctx).setConversationStatus(c, r.attributes().path("status").asText());
            return SimResponse.data(200, KapsoFields.all().apply(c));
        });
    }

    /** status, assigned_user_id and unassigned: the filters both surfaces' lists share. */
    private static Filters assignmentFilters(SimRequest r, Assignments assignments) {
        Filters filters = new Filters(r).oneOf("status", STATUSES, c -> c.path("status"));
        String assignee = filters.value("assigned_user_id");
        Boolean unassigned = filters.bool("unassigned");
        if (assignee != null && unassigned != null) {
            throw unprocessable(r, "unassigned cannot be combined with assigned_user_id");
        }
        if (assignee != null) {
            if (!assignments.isMember(assignee)) {
                throw unprocessable(r, Assignments.NOT_A_MEMBER);
            }
            filters.and(c -> assignments.assignedTo(c.path("id").asText(), assignee));
        }
        if (unassigned != null) {
            filters.and(c -> assignments.active(c.path("id").asText()).isEmpty() == unassigned);
        }
        return filters;
    }

    private static ApiError unprocessable(SimRequest r, String message) {
        return r.operation().base() == KapsoOperation.Base.PLATFORM ? ApiError.unprocessable(message)
                : ApiError.graph(422, 100, "OAuthException", "(#100) " + message, null, message);
    }

    private static ObjectNode requireMeta(Store conversations, SimRequest r) {
        return conversations.get(r.path("conversation_id")).orElseThrow(() -> ApiError.notFound(r.operation(), r.path("conversation_id")));
    }

    static ObjectNode requirePlatform(Store conversations, SimRequest r) {
        return conversations.get(r.path("conversation_id")).orElseThrow(() -> ApiError.platform(404, "Conversation not found"));
    }
}
