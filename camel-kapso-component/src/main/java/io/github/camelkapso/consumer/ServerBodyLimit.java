package io.github.camelkapso.consumer;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the platform-http server an HTTP consumer runs on buffers larger bodies than the consumer accepts: the
 * server reads the whole body into memory before the consumer can refuse it, so its limit is the one that protects
 * the heap. Only Camel's Vert.x server is inspected; with another engine (or none on the class path) nothing is said.
 */
public final class ServerBodyLimit {

    private static final Logger LOG = LoggerFactory.getLogger(ServerBodyLimit.class);
    private static final boolean VERTX_PRESENT = isPresent("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter");

    private ServerBodyLimit() {
    }

    /** Logs a WARN naming the consumer, both limits and the setting to change; returns whether it warned. */
    public static boolean warnIfLarger(CamelContext context, String consumer, int maxBodySize) {
        if (!VERTX_PRESENT) {
            return false;
        }
        Long serverLimit = VertxServers.largestBodyLimit(context);
        if (VertxServers.NO_SERVER.equals(serverLimit) || serverLimit != null && serverLimit >= 0 && serverLimit <= maxBodySize) {
            return false;
        }
        LOG.warn("{} accepts bodies up to {} bytes, but the platform-http server buffers {} before it sees them: large"
                 + " unsigned requests can exhaust the heap. Set the server's maxBodySize to at most {} (camel.server.maxBodySize"
                 + " with Camel Main, VertxPlatformHttpServerConfiguration.setMaxBodySize, or use KapsoHttpServer)",
                consumer, maxBodySize, serverLimit == null || serverLimit < 0 ? "any size" : serverLimit + " bytes",
                maxBodySize);
        return true;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ServerBodyLimit.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that the Vert.x classes load only when they are on the class path. */
    private static final class VertxServers {

        static final Long NO_SERVER = Long.MIN_VALUE;

        /** The largest body limit of the (non-management) servers in the registry (null: unlimited), or {@link #NO_SERVER}. */
        static Long largestBodyLimit(CamelContext context) {
            Set<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class);
            Long largest = NO_SERVER;
            for (VertxPlatformHttpRouter router : routers) {
                VertxPlatformHttpServer server = router.getServer();
                if (server == null || router.isManagementServer()) {
                    continue;
                }
                Long limit = server.getMaxBodySize();
                if (limit == null || limit < 0) {
                    return null;
                }
                largest = Math.max(largest, limit);
            }
            return largest;
        }
    }
}
