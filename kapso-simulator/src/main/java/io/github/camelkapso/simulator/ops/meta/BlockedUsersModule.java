package io.github.camelkapso.simulator.ops.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Blocking WhatsApp users from a business number. Rules:
 * <ul>
 * <li>listBlockedUsers answers {@code {"data": [{user, wa_id, messaging_product}]}} in blocking order.</li>
 * <li>blockUsers takes {@code block_users: [{user}]} (at most 1000); a user can be blocked only when they messaged
 * the number in the last 24 hours (Meta's rule). It answers {"success": true} with Meta's
 * {@code block_users.added_users} [{input, wa_id}] and, for users that could not be blocked,
 * {@code failed_users} [{input, wa_id, errors}]; when no user could be blocked the answer is Graph 139100 with
 * the failed_users beside the error.</li>
 * <li>unblockUsers (DELETE with the same body) answers {"success": true} and block_users.removed_users.</li>
 * </ul>
 */
public final class BlockedUsersModule implements SimulatorModule {

    static final int MAX_USERS_PER_REQUEST = 1000;

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        BlockList list = BlockList.of(ctx);
        MetaNodes nodes = new MetaNodes(ctx);

        handlers.on("listBlockedUsers", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            ObjectNode body = SimState.object();
            ArrayNode data = body.putArray("data");
            for (ObjectNode b : list.list(phoneId)) {
                data.addObject().put("user", b.path("wa_id").asText()).put("wa_id", b.path("wa_id").asText())
                        .put("messaging_product", "whatsapp");
            }
            return SimResponse.json(200, body);
        });

        handlers.on("blockUsers", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            JsonNode users = users(r.attributes());
            ObjectNode answer = SimState.object();
            answer.put("messaging_product", "whatsapp");
            ObjectNode result = answer.putObject("block_users");
            ArrayNode added = result.putArray("added_users");
            ArrayNode failed = SimState.object().arrayNode();
            for (JsonNode u : users) {
                String input = u.path("user").asText();
                String waId = Messaging.digits(input);
                String problem = waId.isEmpty() ? "The user is not a valid WhatsApp phone number"
                        : !messagedRecently(ctx, phoneId, waId) ? "The user has not messaged this number in the last 24 hours" : null;
                if (problem == null) {
                    list.block(phoneId, waId);
                    added.addObject().put("input", input).put("wa_id", waId);
                } else {
                    ObjectNode f = failed.addObject();
                    f.put("input", input);
                    f.put("wa_id", waId);
                    ObjectNode error = f.putArray("errors").addObject();
                    error.put("message", problem);
                    error.put("code", MetaErrors.BLOCK_USERS.code());
                    error.putObject("error_data").put("details", problem);
                }
            }
            if (added.isEmpty()) {
                ObjectNode sibling = SimState.object();
                sibling.set("failed_users", failed);
                throw MetaErrors.withSibling(MetaErrors.BLOCK_USERS.error("No user could be blocked"), "block_users", sibling);
            }
            if (!failed.isEmpty()) {
                result.set("failed_users", failed);
            }
            answer.put("success", true);
            return SimResponse.json(200, answer);
        });

        handlers.on("unblockUsers", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            ObjectNode answer = SimState.object();
            answer.put("messaging_product", "whatsapp");
            ArrayNode removed = answer.putObject("block_users").putArray("removed_users");
            for (JsonNode u : users(r.attributes())) {
                String input = u.path("user").asText();
                String waId = Messaging.digits(input);
                list.unblock(phoneId, waId);
                removed.addObject().put("input", input).put("wa_id", waId);
            }
            answer.put("success", true);
            return SimResponse.json(200, answer);
        });
    }

    private static JsonNode users(ObjectNode body) {
        JsonNode users = body.path("block_users");
        if (!users.isArray() || users.isEmpty()) {
            throw MetaErrors.invalid("block_users", "must list at least one user");
        }
        if (users.size() > MAX_USERS_PER_REQUEST) {
            throw MetaErrors.invalid("block_users", "may list at most " + MAX_USERS_PER_REQUEST + " users per request");
        }
        return users;
    }

    private static boolean messagedRecently(SimContext ctx, String phoneId, String waId) {
        Messaging messaging = Messaging.of(ctx);
        return ctx.state().store(Stores.CONVERSATIONS).all().stream()
                .anyMatch(c -> phoneId.equals(c.path("phone_number_id").asText()) && waId.equals(c.path("phone_number").asText())
                               && messaging.windowOpen(c));
    }
}
