package io.github.camelkapso.simulator.ops.meta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Resolves the Graph nodes a proxy request names, the way Kapso resolves the WhatsApp config from the ids in the
 * URL: an unknown phone number or business account id is Graph's "object does not exist" 404.
 */
final class MetaNodes {

    private final SimContext ctx;

    MetaNodes(SimContext ctx) {
        this.ctx = ctx;
    }

    /** The phone number record of path parameter {@code phone_number_id}. */
    ObjectNode phone(SimRequest request) {
        return phone(request, request.path("phone_number_id"));
    }

    ObjectNode phone(SimRequest request, String id) {
        return ctx.state().store(Stores.PHONE_NUMBERS).get(id)
                .orElseThrow(() -> ApiError.notFound(request.operation(), id));
    }

    /** The WhatsApp Business account of path parameter {@code business_account_id}. */
    ObjectNode businessAccount(SimRequest request) {
        String id = request.path("business_account_id");
        return ctx.state().store(Stores.BUSINESS_ACCOUNTS).get(id)
                .orElseThrow(() -> ApiError.notFound(request.operation(), id));
    }

    /** The WABA a phone number belongs to. */
    String businessAccountOf(ObjectNode phone) {
        return phone.path("business_account_id").asText();
    }

    /**
     * Checks the optional {@code phone_number_id} / {@code business_account_id} query parameters Kapso uses to pick the
     * config of a node request: when given, they must exist and own the node's WABA.
     */
    void checkOwner(SimRequest request, String nodeId, String ownerWaba) {
        String phoneId = request.query("phone_number_id");
        if (phoneId != null && !phoneId.isEmpty()) {
            ObjectNode phone = phone(request, phoneId);
            if (!ownerWaba.equals(businessAccountOf(phone))) {
                throw ApiError.notFound(request.operation(), nodeId);
            }
        }
        String waba = request.query("business_account_id");
        if (waba != null && !waba.isEmpty() && !waba.equals(ownerWaba)) {
            throw ApiError.notFound(request.operation(), nodeId);
        }
    }

    /** The API base the client called (scheme, host, port), for URLs the simulator hands out. */
    static String base(SimRequest request) {
        String url = request.url();
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
