package io.github.camelkapso.consumer.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.support.KapsoStubServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import io.github.camelkapso.support.PlatformHttpTestServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context with the Vert.x platform-http server on a free port, the kapso component pointed at a
 * {@link KapsoStubServer}, and a JDK HTTP client to send deliveries over real HTTP.
 */
abstract class WebhookTestSupport {

    protected static final String SECRET = "whsec-test-2f9c1d7e";
    protected static final String API_KEY = "test-key-webhooks-8a1b";

    protected CamelContext context;
    protected KapsoComponent kapso;
    protected KapsoStubServer stub;
    protected VertxPlatformHttpServer server;
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startCamel() throws Exception {
        stub = new KapsoStubServer();
        context = new DefaultCamelContext();
        server = PlatformHttpTestServer.addTo(context);
        kapso = new KapsoComponent();
        kapso.getConfiguration().setApiKey(API_KEY);
        kapso.getConfiguration().setBaseUrl(stub.baseUrl());
        kapso.getConfiguration().setRetryDelay(10);
        kapso.getConfiguration().setMaxRetries(0);
        configure(kapso);
        context.addComponent("kapso", kapso);
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
        if (stub != null) {
            stub.close();
        }
    }

    /** Component and context settings of the test class, applied before the context starts. */
    protected void configure(KapsoComponent component) {
    }

    /** The routes of the test class, or null to add them in the test. */
    protected RouteBuilder routes() {
        return null;
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    protected MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A delivery signed with {@code secret} as Kapso signs it, with an event name and an idempotency key. */
    protected HttpResponse<String> deliver(String path, String secret, byte[] body, String event, String key)
            throws IOException, InterruptedException {
        return post(path, body, Map.of("X-Webhook-Signature", sign(secret, body), "X-Webhook-Event", event,
                "X-Idempotency-Key", key, "X-Webhook-Payload-Version", "v2"));
    }

    protected HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
