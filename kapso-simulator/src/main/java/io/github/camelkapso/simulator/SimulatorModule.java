package io.github.camelkapso.simulator;

import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.ops.HandlerRegistry;

/** A family of Kapso resources: registers the handlers of its operations and, if any, its admin routes. */
public interface SimulatorModule {

    void register(HandlerRegistry handlers, AdminApi admin, SimContext context);

    /** Called once the server listens (start timers, seed data). */
    default void start(SimContext context) {
    }
}
