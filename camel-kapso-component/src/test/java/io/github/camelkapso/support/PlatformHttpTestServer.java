package io.github.camelkapso.support;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** Camel's Vert.x platform-http server on a free loopback port, as the HTTP consumers' tests need it. */
public final class PlatformHttpTestServer {

    private PlatformHttpTestServer() {
    }

    /** Adds the server to the context (it starts with it); read the port back with {@code getServer().actualPort()}. */
    public static VertxPlatformHttpServer addTo(CamelContext context) throws Exception {
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
        context.addService(server);
        return server;
    }
}
