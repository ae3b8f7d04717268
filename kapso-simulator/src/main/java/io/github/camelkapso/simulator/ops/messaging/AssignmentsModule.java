package io.github.camelkapso.simulator.ops.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Conversation assignments (Platform). Rules:
 * <ul>
 * <li>a conversation has at most one active assignment: creating a second one, or reactivating an old one while
 * another is active, is 422 "Conversation already has an active assignment";</li>
 * <li>the assignee must be a project member: 422 "User not found or not a member of this project" (checked against
 * the simulated project users when there are any);</li>
 * <li>{@code active: false} unassigns without deleting; {@code user_id} reassigns; {@code notes} edits;</li>
 * <li>created_by_user_id is the project owner the API key acts for;</li>
 * <li>lists are most recent first, page-paginated with meta and X-Total headers;</li>
 * <li>an unknown conversation, or an assignment of another conversation, is 404.</li>
 * </ul>
 */
public final class AssignmentsModule implements SimulatorModule {

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store conversations = ctx.state().store(Stores.CONVERSATIONS);
        Assignments assignments = Assignments.of(ctx);

        handlers.on("createConversationAssignment", r -> {
            ObjectNode conversation = ConversationsModule.requirePlatform(conversations, r);
            ObjectNode attrs = r.attributes();
            ObjectNode created = assignments.create(conversation.path("id").asText(), attrs.path("user_id").asText(),
                    attrs.path("notes").asText(null));
            return SimResponse.data(201, Views.assignment(created));
        });
        handlers.on("listConversationAssignments", r -> {
            ObjectNode conversation = ConversationsModule.requirePlatform(conversations, r);
            return Views.mapData(Paging.page(r, assignments.of(conversation.path("id").asText()), 100), Views::assignment);
        });
        handlers.on("getConversationAssignment", r -> {
            ObjectNode conversation = ConversationsModule.requirePlatform(conversations, r);
            return SimResponse.data(200, Views.assignment(assignments.get(conversation.path("id").asText(), r.path("id"))
                    .orElseThrow(() -> ApiError.platform(404, "Assignment not found"))));
        });
        handlers.on("updateConversationAssignment", r -> {
            ObjectNode conversation = ConversationsModule.requirePlatform(conversations, r);
            ObjectNode assignment = assignments.get(conversation.path("id").asText(), r.path("id"))
                    .orElseThrow(() -> ApiError.platform(404, "Assignment not found"));
            return SimResponse.data(200, Views.assignment(assignments.update(assignment, r.attributes())));
        });
    }
}
