package io.github.camelkapso.consumer.flows;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import io.github.camelkapso.support.PlatformHttpTestServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context with the Vert.x platform-http server on a free port, the {@code kapso} component, and the routes of
 * the test class; {@link #client()} plays WhatsApp against the served path.
 */
public abstract class FlowsConsumerTestBase {

    protected CamelContext context;
    protected VertxPlatformHttpServer server;
    /** Exchanges that reached a route through {@link #record(Exchange)}: proof of whether the route ran. */
    protected final List<Exchange> routed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        server = PlatformHttpTestServer.addTo(context);
        context.addComponent("kapso", new KapsoComponent());
        beforeRoutes(context);
        RouteBuilder routes = routes();
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    /** Settings before the routes are added (properties, beans). */
    protected void beforeRoutes(CamelContext context) throws Exception {
    }

    protected abstract RouteBuilder routes();

    protected void record(Exchange exchange) {
        routed.add(exchange.copy());
    }

    protected int port() {
        return server.getServer().actualPort();
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    protected WhatsAppFlowsClient client() {
        return client(KapsoFlowsDataEndpointConsumer.DEFAULT_PATH);
    }

    protected WhatsAppFlowsClient client(String path) {
        return new WhatsAppFlowsClient(uri(path), FlowsTestKeys.BUSINESS.getPublic());
    }

    /** JSON text as a tree, to compare replies whatever the order of their fields. */
    protected static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The endpoint URI option carrying the test business key. */
    protected static String businessKeyOption() {
        return "flowsPrivateKey=RAW(" + FlowsTestKeys.pkcs8Pem(FlowsTestKeys.BUSINESS.getPrivate()) + ")";
    }
}
