package io.github.camelkapso.connectors.jdbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.server.KapsoHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A Camel context serving {@code kapso:webhook} routes on a free loopback port (Kapso's platform-http server), and a
 * client posting deliveries to them signed as Kapso signs them (HMAC-SHA256 of the raw body, hex, in
 * X-Webhook-Signature).
 */
final class SignedWebhook implements AutoCloseable {

    static final String SECRET = "whsec-jdbc-test-6d1f0a";

    private final CamelContext context = new DefaultCamelContext();
    private final VertxPlatformHttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SignedWebhook(RouteBuilder routes) throws Exception {
        server = new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0));
        context.addService(server);
        KapsoComponent kapso = new KapsoComponent();
        kapso.getConfiguration().setApiKey("test-key-not-used");
        kapso.getConfiguration().setBaseUrl("http://127.0.0.1:9");
        context.addComponent("kapso", kapso);
        context.addRoutes(routes);
        context.start();
    }

    CamelContext context() {
        return context;
    }

    /** Posts one signed delivery of the named event; returns the HTTP status. */
    int deliver(String path, String event, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", sign(bytes))
                .header("X-Webhook-Event", event)
                .header("X-Webhook-Payload-Version", "v2")
                .header("X-Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Override
    public void close() {
        context.stop();
    }
}
