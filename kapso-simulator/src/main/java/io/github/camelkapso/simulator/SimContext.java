package io.github.camelkapso.simulator;

import io.github.camelkapso.simulator.state.SimClock;
import io.github.camelkapso.simulator.state.SimState;
import io.vertx.core.Vertx;

/** What resource modules need: configuration, state, clock, the event sink and Vert.x for timers. */
public final class SimContext {

    private final SimulatorConfig config;
    private final SimState state;
    private final SimClock clock;
    private final Vertx vertx;
    private SimEvents events = SimEvents.NONE;
    private final java.util.List<java.util.function.Consumer<io.github.camelkapso.simulator.http.ServedRequest>> requestObservers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Map<Class<?>, Object> shared = new java.util.HashMap<>();
    private final DelayedTasks delayed;

    public SimContext(SimulatorConfig config, SimState state, SimClock clock, Vertx vertx) {
        this.config = config;
        this.state = state;
        this.clock = clock;
        this.vertx = vertx;
        this.delayed = new DelayedTasks(vertx);
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimState state() {
        return state;
    }

    public SimClock clock() {
        return clock;
    }

    public Vertx vertx() {
        return vertx;
    }

    public SimEvents events() {
        return events;
    }

    /** Modules that keep a record of the API calls they see (API logs) register here; called on the event loop. */
    public void onServedRequest(java.util.function.Consumer<io.github.camelkapso.simulator.http.ServedRequest> observer) {
        requestObservers.add(observer);
    }

    public void served(io.github.camelkapso.simulator.http.ServedRequest request) {
        requestObservers.forEach(o -> o.accept(request));
    }

    public void setEvents(SimEvents events) {
        this.events = events;
    }

    /** One instance of {@code type} per simulator, created on first use: services modules share (e.g. Messaging). */
    public <T> T shared(Class<T> type, java.util.function.Supplier<T> factory) {
        synchronized (shared) {
            Object existing = shared.get(type);
            if (existing == null) {
                existing = factory.get(); // may itself ask for other shared services, so not inside computeIfAbsent
                Object raced = shared.putIfAbsent(type, existing);
                existing = raced != null ? raced : existing;
            }
            return type.cast(existing);
        }
    }

    /**
     * Runs {@code task} after a Kapso delay scaled by the time factor, on the event loop. Tasks given the same delay
     * run in the order they were given.
     */
    public void later(long kapsoMillis, Runnable task) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            delayed.add(clock.scaled(kapsoMillis), task);
        } else {
            vertx.setTimer(clock.scaled(kapsoMillis), id -> task.run());
        }
    }
}
