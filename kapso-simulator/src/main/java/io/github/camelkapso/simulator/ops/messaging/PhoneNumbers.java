package io.github.camelkapso.simulator.ops.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.state.Stores;

/** The phone number a Meta proxy path names: unknown ids are Graph's 404 (code 100, subcode 33). */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    static ObjectNode require(SimContext ctx, SimRequest request) {
        String id = request.path("phone_number_id");
        return ctx.state().store(Stores.PHONE_NUMBERS).get(id).orElseThrow(() -> ApiError.notFound(request.operation(), id));
    }
}
