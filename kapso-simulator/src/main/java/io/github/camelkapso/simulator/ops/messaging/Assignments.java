package io.github.camelkapso.simulator.ops.messaging;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Who handles a conversation: assignments to project members, at most one active per conversation. Deactivated
 * assignments stay as history.
 */
final class Assignments {

    static final String STORE = "conversation_assignments";
    /** The project's members, kept by the users module (each with a {@code user_id}). */
    static final String USERS_STORE = "users";

    static final String NOT_A_MEMBER = "User not found or not a member of this project";

    private final SimContext ctx;
    private final Store assignments;

    private Assignments(SimContext ctx) {
        this.ctx = ctx;
        this.assignments = ctx.state().store(STORE);
    }

    static Assignments of(SimContext ctx) {
        return ctx.shared(Assignments.class, () -> new Assignments(ctx));
    }

    Optional<ObjectNode> active(String conversationId) {
        return assignments.find(a -> conversationId.equals(a.path("conversation_id").asText()) && a.path("active").asBoolean());
    }

    /** The conversation's assignments, most recent first. */
    List<Store.Entry> of(String conversationId) {
        return assignments.newestFirst(a -> conversationId.equals(a.path("conversation_id").asText()), "created_at");
    }

    Optional<ObjectNode> get(String conversationId, String id) {
        return assignments.get(id).filter(a -> conversationId.equals(a.path("conversation_id").asText()));
    }

    ObjectNode create(String conversationId, String userId, String notes) {
        requireMember(userId);
        requireNoOtherActive(conversationId, null);
        ObjectNode a = SimState.object();
        a.put("id", Ids.uuid());
        a.put("conversation_id", conversationId);
        a.put("user_id", userId);
        a.put("created_by_user_id", projectOwner());
        a.put("notes", notes);
        a.put("active", true);
        a.put("created_at", ctx.clock().iso());
        a.put("updated_at", ctx.clock().iso());
        return assignments.put(a);
    }

    /** Reassigns ({@code user_id}), edits {@code notes}, or (de)activates ({@code active}). */
    ObjectNode update(ObjectNode assignment, ObjectNode changes) {
        if (changes.hasNonNull("user_id")) {
            requireMember(changes.get("user_id").asText());
        }
        if (changes.path("active").asBoolean(false) && !assignment.path("active").asBoolean()) {
            requireNoOtherActive(assignment.path("conversation_id").asText(), assignment.path("id").asText());
        }
        for (String field : new String[] {"user_id", "notes", "active"}) {
            if (changes.has(field)) {
                assignment.set(field, changes.get(field).deepCopy());
            }
        }
        assignment.put("updated_at", ctx.clock().iso());
        return assignment;
    }

    /** Whether the conversation's active assignee is {@code userId}. */
    boolean assignedTo(String conversationId, String userId) {
        return active(conversationId).map(a -> userId.equals(a.path("user_id").asText())).orElse(false);
    }

    /**
     * Rejects users who are not project members. Membership is known only when the project's users are
     * simulated; with none recorded every user id is taken as a member.
     */
    void requireMember(String userId) {
        if (!isMember(userId)) {
            throw ApiError.unprocessable(NOT_A_MEMBER);
        }
    }

    boolean isMember(String userId) {
        Store users = ctx.state().store(USERS_STORE);
        return users.size() == 0 || users.find(u -> userId.equals(u.path("user_id").asText())).isPresent();
    }

    private void requireNoOtherActive(String conversationId, String exceptId) {
        Optional<ObjectNode> active = active(conversationId);
        if (active.isPresent() && !active.get().path("id").asText().equals(exceptId)) {
            throw ApiError.unprocessable("Conversation already has an active assignment");
        }
    }

    /** The user the API key acts for: the project's owner when users are simulated. */
    private String projectOwner() {
        Store users = ctx.state().store(USERS_STORE);
        return users.find(u -> "owner".equals(u.path("role").asText()))
                .or(() -> users.all().stream().findFirst())
                .map(u -> u.path("user_id").asText(null)).orElse(null);
    }
}
