package io.github.camelkapso.simulator.ops.platform;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The project's members ({@code GET /users}). Rules:
 * <ul>
 * <li>the project has one seeded member, its {@code owner} ({@value #OWNER_EMAIL}, "Owner User");</li>
 * <li>each member carries the membership id (integer), the account's user_id (UUID), email, name and role;</li>
 * <li>members list in membership order, page-paginated with the X-Total headers;</li>
 * <li>inbox embeds assign members by user_id; notification destinations refuse members' addresses.</li>
 * </ul>
 */
public final class ProjectUsersModule implements SimulatorModule {

    static final String OWNER_EMAIL = "owner@example.com";

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store users = users(ctx);
        ObjectNode owner = SimState.object();
        owner.put("id", 1);
        owner.put("user_id", Ids.uuid());
        owner.put("email", OWNER_EMAIL);
        owner.put("name", "Owner User");
        owner.put("role", "owner");
        users.put(owner);

        handlers.on("listProjectUsers", r -> Paging.page(r, users.oldestFirst(u -> true), 100));
    }

    static Store users(SimContext ctx) {
        return ctx.state().store(PlatformStores.PROJECT_USERS);
    }

    /** The member with this account id. */
    static Optional<ObjectNode> byUserId(SimContext ctx, String userId) {
        return userId == null ? Optional.empty() : users(ctx).find(u -> userId.equals(u.path("user_id").asText()));
    }

    /** Whether the address belongs to a project member (case-insensitive). */
    static boolean isMemberEmail(SimContext ctx, String email) {
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return users(ctx).find(u -> wanted.equals(u.path("email").asText().toLowerCase(Locale.ROOT))).isPresent();
    }
}
