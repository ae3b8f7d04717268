package io.github.camelkapso.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.admin.CoreAdminModule;
import io.github.camelkapso.simulator.admin.FaultRules;
import io.github.camelkapso.simulator.admin.RequestLog;
import io.github.camelkapso.simulator.http.CatalogRouter;
import io.github.camelkapso.simulator.http.SimulatorHttpServer;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.SimClock;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.validation.RequestSchemas;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * A local, stateful Kapso: both API surfaces of the catalog on one port, a seeded project, webhook deliveries, an
 * admin API under {@code /_sim/}. Start it from Java ({@link #start(SimulatorConfig)}) or from the command line
 * ({@link SimulatorMain}). All state lives on one Vert.x event loop.
 */
public final class KapsoSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final Vertx vertx;
    private final SimContext context;
    private final HandlerRegistry handlers;
    private final List<SimulatorModule> modules;
    private Context loop;
    private HttpServer server;

    private KapsoSimulator(SimulatorConfig config, List<SimulatorModule> modules) {
        this.config = config;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
        this.context = new SimContext(config, new SimState(), new SimClock(config.timeFactor()), vertx);
        this.handlers = new HandlerRegistry(KapsoCatalog.get());
        this.modules = modules;
    }

    /** Starts a simulator with every resource module and waits until it listens. */
    public static KapsoSimulator start(SimulatorConfig config) {
        return start(config, Modules.all());
    }

    static KapsoSimulator start(SimulatorConfig config, List<SimulatorModule> modules) {
        KapsoSimulator simulator = new KapsoSimulator(config, modules);
        simulator.listen();
        return simulator;
    }

    private void listen() {
        AdminApi admin = new AdminApi();
        FaultRules faults = new FaultRules();
        RequestLog log = new RequestLog(10_000);
        List<SimulatorModule> all = new ArrayList<>();
        all.add(new CoreAdminModule(faults, log, handlers));
        all.addAll(modules);
        all.forEach(m -> m.register(handlers, admin, context));
        SimulatorHttpServer http = new SimulatorHttpServer(context, new CatalogRouter(KapsoCatalog.get()), handlers,
                new RequestSchemas(), admin, faults, log);
        CompletableFuture<Void> started = new CompletableFuture<>();
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start(Promise<Void> promise) {
                loop = vertx.getOrCreateContext();
                vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port())
                        .setCompressionSupported(false).setIdleTimeout(0).setHttp2ClearTextEnabled(false))
                        .requestHandler(http::handle)
                        .listen()
                        .onSuccess(s -> {
                            server = s;
                            all.forEach(m -> m.start(KapsoSimulator.this.context));
                            promise.complete();
                        })
                        .onFailure(promise::fail);
            }
        }).onSuccess(id -> started.complete(null)).onFailure(started::completeExceptionally);
        try {
            started.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the Kapso simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("The Kapso simulator could not listen on " + config.host() + ":" + config.port()
                                            + ": " + (e.getCause() != null ? e.getCause().getMessage() : e), e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** The base URL to give a Kapso client, e.g. the kapso component's baseUrl. */
    public String baseUrl() {
        return "http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + port();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Catalog operations without a handler (empty when the simulator serves the whole catalog). */
    public Set<String> unservedOperations() {
        return handlers.missing();
    }

    /** Runs {@code work} on the simulator's event loop and returns its result: the safe way to read or change state. */
    public <T> T onLoop(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.runOnContext(v -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The simulator event loop did not answer within 30 s", e);
        }
    }

    public SimContext context() {
        return context;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
