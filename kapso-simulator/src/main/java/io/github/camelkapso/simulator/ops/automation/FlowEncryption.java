package io.github.camelkapso.simulator.ops.automation;

import java.util.HashSet;
import java.util.Set;

import io.github.camelkapso.simulator.SimContext;

/** Which WhatsApp Business accounts have flows encryption set up (Kapso uploads the business public key to Meta). */
final class FlowEncryption {

    private final Set<String> configured = new HashSet<>();

    static FlowEncryption of(SimContext ctx) {
        return ctx.shared(FlowEncryption.class, FlowEncryption::new);
    }

    boolean configured(String businessAccountId) {
        return configured.contains(businessAccountId);
    }

    /** @return false when it was already configured */
    boolean configure(String businessAccountId) {
        return configured.add(businessAccountId);
    }
}
