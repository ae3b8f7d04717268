package io.github.camelkapso.simulator.ops.meta;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The users each business number has blocked. Messaging can ask {@link #isBlocked} before delivering a message
 * (a blocked user's messages do not reach the business, and the business cannot message them).
 */
public final class BlockList {

    private final SimContext ctx;
    private final Store blocked;

    private BlockList(SimContext ctx) {
        this.ctx = ctx;
        this.blocked = ctx.state().store(MetaStores.BLOCKED_USERS);
    }

    public static BlockList of(SimContext ctx) {
        return ctx.shared(BlockList.class, () -> new BlockList(ctx));
    }

    public boolean isBlocked(String phoneNumberId, String waId) {
        return blocked.contains(key(phoneNumberId, Messaging.digits(waId)));
    }

    void block(String phoneNumberId, String waId) {
        ObjectNode b = SimState.object();
        b.put("id", key(phoneNumberId, waId));
        b.put("phone_number_id", phoneNumberId);
        b.put("wa_id", waId);
        b.put("created_at", ctx.clock().iso());
        if (!blocked.contains(b.path("id").asText())) {
            blocked.put(b);
        }
    }

    void unblock(String phoneNumberId, String waId) {
        blocked.remove(key(phoneNumberId, waId));
    }

    List<ObjectNode> list(String phoneNumberId) {
        return blocked.oldestFirst(b -> phoneNumberId.equals(b.path("phone_number_id").asText())).stream()
                .map(e -> e.node()).toList();
    }

    private static String key(String phoneNumberId, String waId) {
        return phoneNumberId + ":" + waId;
    }
}
