package io.github.camelkapso.server;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelkapso.consumer.KapsoConsumerConfiguration;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.vertx.common.VertxHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's Vert.x platform-http server with the settings the Kapso webhook and Flows endpoints need in front of the
 * internet: a body limit no larger than the consumers' {@code maxBodySize} (Vert.x stops buffering and answers 413
 * past it, before any consumer sees the request), and an idle timeout that closes connections which never finish a
 * request. Camel's own server has no idle timeout setting, so this class listens itself, on the same router.
 *
 * <pre>
 * context.addService(new KapsoHttpServer(KapsoHttpServer.configuration("0.0.0.0", 8080)));
 * </pre>
 */
public class KapsoHttpServer extends VertxPlatformHttpServer {

    /** The consumers' default {@code maxBodySize}: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_SIZE = KapsoConsumerConfiguration.DEFAULT_MAX_BODY_SIZE;
    /** Connections idle this long (no bytes either way) are closed. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(KapsoHttpServer.class);

    private final VertxPlatformHttpServerConfiguration configuration;
    private final Duration idleTimeout;
    private volatile HttpServer server;

    public KapsoHttpServer(VertxPlatformHttpServerConfiguration configuration) {
        this(configuration, DEFAULT_IDLE_TIMEOUT);
    }

    public KapsoHttpServer(VertxPlatformHttpServerConfiguration configuration, Duration idleTimeout) {
        super(configuration);
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be a positive duration, was " + idleTimeout);
        }
        this.configuration = configuration;
        this.idleTimeout = idleTimeout;
    }

    /** A server configuration on {@code host:port} with the body limit set to {@link #DEFAULT_MAX_BODY_SIZE}. */
    public static VertxPlatformHttpServerConfiguration configuration(String host, int port) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        configuration.setMaxBodySize(DEFAULT_MAX_BODY_SIZE);
        return configuration;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    @Override
    protected void startServer() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setIdleTimeout((int) Math.max(1, idleTimeout.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        SSLContextParameters ssl = configuration.getSslContextParameters();
        if (ssl == null && configuration.isUseGlobalSslContextParameters()) {
            ssl = getCamelContext().getSSLContextParameters();
        }
        if (ssl != null) {
            options.setSsl(true);
            VertxHelper.setupSSLOptions(getCamelContext(), ssl, options);
        }
        Router router = (Router) Objects.requireNonNull(inherited("router"), "router");
        // Camel's server stops its own Vert.x instance on this executor (and shuts it down), as when it starts itself
        setInherited("executor", getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this,
                "KapsoHttpServer"));
        // without these Vert.x logs every failure no route handled (a client resetting the connection mid-body, after
        // its 413) as an ERROR with a stack trace: anyone could fill the log
        for (Router handling : List.of(router, VertxPlatformHttpRouter.lookup(getCamelContext(),
                VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getPort())))) {
            handling.errorHandler(413, KapsoHttpServer::unhandledFailure);
            handling.errorHandler(500, KapsoHttpServer::unhandledFailure);
        }
        HttpServer created = getVertx().createHttpServer(options).requestHandler(router);
        server = created.listen(configuration.getBindPort(), configuration.getBindHost())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /**
     * Camel 4.22 keeps the router it listens with (CORS, sessions and authentication in front of the routes'
     * sub-router) and the executor it stops Vert.x on private, and builds the server options itself, with no idle
     * timeout: the one place this class reaches inside, failing loudly if a Camel version moves them.
     */
    private Object inherited(String name) {
        try {
            return field(name).get(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unreachable(name, e);
        }
    }

    private void setInherited(String name, Object value) {
        try {
            field(name).set(this, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unreachable(name, e);
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = VertxPlatformHttpServer.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static IllegalStateException unreachable(String name, Exception cause) {
        return new IllegalStateException("KapsoHttpServer cannot reach the " + name + " of this Camel version's"
                                         + " VertxPlatformHttpServer (built for Camel 4.22): use VertxPlatformHttpServer"
                                         + " with setMaxBodySize, and an idle timeout at the proxy in front", cause);
    }

    private static void unhandledFailure(RoutingContext routing) {
        int status = routing.statusCode() > 0 ? routing.statusCode() : 500;
        LOG.debug("Request to {} failed with {}: {}", routing.normalizedPath(), status, String.valueOf(routing.failure()));
        if (!routing.response().ended() && !routing.response().closed()) {
            routing.response().setStatusCode(status).end(status == 413 ? "Request body too large" : "Internal error");
        }
    }

    @Override
    protected void stopServer() {
        HttpServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        getCamelContext().removeComponent("platform-http");
        CompletableFuture<Void> closed = running.close().toCompletionStage().toCompletableFuture();
        try {
            closed.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing is best effort: the port is released with the Vert.x instance at the latest
        }
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        HttpServer running = server;
        return running == null ? configuration.getBindPort() : running.actualPort();
    }
}
