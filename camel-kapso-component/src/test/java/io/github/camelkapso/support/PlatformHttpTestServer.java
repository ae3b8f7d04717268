package io.github.camelkapso.support;

import io.github.camelkapso.server.KapsoHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/** The platform-http server the HTTP consumers' tests run on: {@link KapsoHttpServer}'s safe defaults, a free loopback port. */
public final class PlatformHttpTestServer {

    private PlatformHttpTestServer() {
    }

    /** Adds the server to the context (it starts with it); read the port back with {@code getPort()}. */
    public static VertxPlatformHttpServer addTo(CamelContext context) throws Exception {
        VertxPlatformHttpServer server = new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0));
        context.addService(server);
        return server;
    }
}
