package io.github.camelkapso;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelkapso.error.KapsoAuthenticationException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.KapsoStubServer;
import io.github.camelkapso.support.RecordedRequest;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API key goes out as X-API-Key and nowhere else a user could see it; only X- headers the route set go out, never
 * Camel's own, never credentials, never the signature headers of an inbound delivery being relayed.
 */
class SecretsAndHeadersTest extends KapsoProducerTestBase {

    /** A second key, given on endpoint URIs rather than on the component. */
    private static final String URI_KEY = "uri-secret-5c0ffee9d1";

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setPhoneNumberId("1555000");
        component.getConfiguration().setMaxRetries(1);
        context.getPropertiesComponent().addInitialProperty("kapso.api-key", URI_KEY);
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to("kapso:sendMessage");
                from("direct:uriKey").routeId("uriKey").to("kapso:listBroadcasts?apiKey=RAW(" + URI_KEY + ")&maxRetries=0");
                from("direct:relay").routeId("relay").to("kapso:sendMessage");
                from("direct:placeholder").routeId("placeholder").to("kapso:getBroadcast?apiKey={{kapso.api-key}}&broadcastId=b1");
            }
        };
    }

    // ---------------------------------------------------------------- the key on the wire

    @Test
    void theKeyIsSentAsXApiKey() {
        stub.respond(r -> StubResponse.json(200, "{}"));

        send("kapso:sendMessage", Map.of("to", "1"));

        assertThat(stub.lastRequest().header("X-API-Key")).isEqualTo(API_KEY);
    }

    @Test
    void theEndpointKeyBeatsTheComponentKey() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[]}"));

        template.send("direct:uriKey", ex -> {
        });

        assertThat(stub.lastRequest().header("X-API-Key")).isEqualTo(URI_KEY);
    }

    @Test
    void aKeyReadFromAFileWithItsTrailingNewlineIsSentTrimmed() {
        stub.respond(r -> StubResponse.json(200, "{}"));
        kapso.getConfiguration().setApiKey("  " + API_KEY + "\n");

        Exchange result = send("kapso:sendMessage?maxRetries=0", Map.of("to", "1"));

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().header("X-API-Key")).isEqualTo(API_KEY);
    }

    @Test
    void aKeyAnHttpHeaderCannotCarryFailsWithoutShowingIt() {
        String broken = "sk-inner\r\nX-Injected: yes";
        kapso.getConfiguration().setApiKey(broken);

        Throwable failure;
        try {
            Exchange result = send("kapso:sendMessage?maxRetries=1", Map.of("to", "1"));
            failure = result.getException();
        } catch (RuntimeException e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(everything(failure)).contains("apiKey").doesNotContain("sk-inner");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anXApiKeyHeaderOnTheMessageDoesNotReplaceTheConfiguredKey() {
        stub.respond(r -> StubResponse.json(200, "{}"));

        send("kapso:sendMessage", Map.of("to", "1"), Map.of("X-API-Key", "someone-elses-key"));

        RecordedRequest r = stub.lastRequest();
        assertThat(r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-API-Key"))
                .flatMap(e -> e.getValue().stream()).toList()).containsExactly(API_KEY);
    }

    // ---------------------------------------------------------------- the key nowhere else

    @Test
    void theKeyIsNotInEndpointsOrTheEndpointRegistry() throws Exception {
        Endpoint plain = context.getEndpoint("kapso:sendMessage");
        Endpoint withKey = context.getEndpoint("kapso:listBroadcasts?apiKey=RAW(" + URI_KEY + ")&maxRetries=0");
        Endpoint withPlainKey = context.getEndpoint("kapso:getBroadcast?apiKey=" + URI_KEY);

        List<String> seen = new ArrayList<>();
        for (Endpoint e : List.of(plain, withKey, withPlainKey)) {
            seen.add(e.toString());
            seen.add(((KapsoEndpoint) e).getConfiguration().toString());
        }
        context.getEndpoints().forEach(e -> seen.add(e.toString()));
        seen.add(context.getEndpoints().toString());
        seen.add(context.getEndpointRegistry().toString());
        context.getEndpointRegistry().values().forEach(e -> seen.add(e.toString()));
        seen.add(kapso.getConfiguration().toString());
        seen.add(String.valueOf(context.getRoutes()));
        context.getRoutes().forEach(r -> seen.add(r.toString() + r.getEndpoint() + r.getProcessor()));

        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(API_KEY).doesNotContain(URI_KEY));
        assertThat(withKey.toString()).contains("kapso://listBroadcasts").contains("apiKey=xxxxxx");
    }

    @Test
    void theKeyIsNotInRouteDumpsWhenGivenOnTheComponentOrAsAPlaceholder() throws Exception {
        // A key typed literally into a route is part of the route text, which Camel dumps as written (and dumps
        // with resolved placeholders show resolved values): that is Camel's model, not the component's to rewrite.
        ModelCamelContext model = (ModelCamelContext) context;
        for (String id : List.of("send", "relay", "placeholder")) {
            RouteDefinition def = model.getRouteDefinition(id);
            assertThat(def.toString()).doesNotContain(API_KEY).doesNotContain(URI_KEY);
            assertThat(PluginHelper.getModelToXMLDumper(context).dumpModelAsXml(context, def))
                    .doesNotContain(API_KEY).doesNotContain(URI_KEY);
            assertThat(PluginHelper.getModelToYAMLDumper(context).dumpModelAsYaml(context, def))
                    .doesNotContain(API_KEY).doesNotContain(URI_KEY);
        }
        assertThat(context.getRoute("placeholder").getEndpoint().toString()).doesNotContain(URI_KEY);
    }

    @Test
    void theKeyIsNotInTheErrorOfABadUri() {
        assertThatThrownBy(() -> context.getEndpoint("kapso:sendMessage?apiKey=RAW(" + URI_KEY + ")&foo=1"))
                .satisfies(e -> assertThat(everything(e)).doesNotContain(URI_KEY).contains("foo"));
        assertThatThrownBy(() -> context.getEndpoint("kapso:sendMesage?apiKey=" + URI_KEY))
                .satisfies(e -> assertThat(everything(e)).doesNotContain(URI_KEY).contains("sendMessage"));
    }

    @Test
    void theKeyIsNotInTheExceptionOfA401() {
        stub.respond(r -> StubResponse.json(401, "{\"error\":\"Invalid API key\"}"));

        Exchange result = send("kapso:sendMessage", Map.of("to", "1"));

        assertThat(result.getException()).isInstanceOf(KapsoAuthenticationException.class);
        assertThat(everything(result.getException())).doesNotContain(API_KEY);
    }

    @Test
    void theKeyIsNotInTheExceptionEvenWhenTheServerEchoesIt() {
        stub.respond(r -> StubResponse.json(401, "{\"error\":\"Invalid API key " + API_KEY + "\"}"));

        Exchange result = send("kapso:sendMessage", Map.of("to", "1"));

        assertThat(result.getException()).isInstanceOf(KapsoAuthenticationException.class);
        assertThat(result.getException().getMessage()).doesNotContain(API_KEY);
    }

    @Test
    void aRedirectNeverCarriesTheKeyToAnotherHost() throws Exception {
        try (KapsoStubServer elsewhere = new KapsoStubServer()) {
            elsewhere.respond(r -> new StubResponse(200, Map.of("Content-Type", "image/jpeg"), new byte[] { 1, 2 }));
            stub.respond(r -> new StubResponse(302,
                    Map.of("Location", elsewhere.baseUrl().replace("127.0.0.1", "localhost") + "/cdn/file.jpg"), new byte[0]));

            Exchange result = send("kapso:downloadMedia", null, Map.of("CamelKapsoToken", "t"));

            assertThat(elsewhere.requests()).allSatisfy(r -> assertThat(r.header("X-API-Key")).isNull());
            if (result.getException() != null) {
                assertThat(everything(result.getException())).doesNotContain(API_KEY);
            }
        }
    }

    @Test
    void theKeyIsNotInTheExceptionOfA404() {
        stub.respond(r -> StubResponse.json(404,
                "{\"error\":{\"message\":\"Unknown path components\",\"type\":\"OAuthException\",\"code\":404}}"));

        Exchange result = template.send("direct:uriKey", ex -> {
        });

        assertThat(result.getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(everything(result.getException())).doesNotContain(API_KEY).doesNotContain(URI_KEY);
    }

    @Test
    void theKeyIsNotInTheExceptionOfAnIoFailure() throws IOException {
        // the stub drops the connection without answering
        stub.respond(r -> null);
        Exchange dropped = send("kapso:getBroadcast?broadcastId=b1", null);
        assertThat(dropped.getException()).isInstanceOf(KapsoTransportException.class);
        assertThat(everything(dropped.getException())).doesNotContain(API_KEY);

        // nobody listens on the port at all
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Exchange refused = send("kapso:getBroadcast?broadcastId=b1&maxRetries=0&baseUrl=http://127.0.0.1:" + closedPort
                                + "&apiKey=RAW(" + URI_KEY + ")", null);
        assertThat(refused.getException()).isInstanceOf(KapsoTransportException.class);
        assertThat(everything(refused.getException())).doesNotContain(API_KEY).doesNotContain(URI_KEY);
    }

    @Test
    void theKeyIsNotInTheExchangeAfterTheCall() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[]}"));
        Exchange ok = template.send("direct:uriKey", ex -> {
        });
        stub.respond(r -> StubResponse.json(500, "{\"error\":\"boom\"}"));
        Exchange failed = template.send("direct:placeholder", ex -> {
        });
        Exchange direct = template.send("kapso:getBroadcast?broadcastId=b1&maxRetries=0&apiKey=" + URI_KEY, ex -> {
        });

        assertThat(ok.getException()).isNull();
        assertThat(failed.getException()).isNotNull();
        for (Exchange e : List.of(ok, failed, direct)) {
            assertThat(String.valueOf(e.getMessage().getHeaders())).doesNotContain(URI_KEY);
            assertThat(String.valueOf(e.getAllProperties())).doesNotContain(URI_KEY);
        }
        assertThat(ok.getProperty(Exchange.TO_ENDPOINT, String.class)).startsWith("kapso://listBroadcasts");
    }

    // ---------------------------------------------------------------- header filter

    @Test
    void onlyRouteSetXHeadersReachTheWire() {
        stub.respond(r -> StubResponse.json(200, "{}"));
        Map<String, Object> headers = new HashMap<>();
        headers.put("X-Correlation-Id", "corr-1");
        headers.put("X-Tenant", 42);
        headers.put("CamelKapsoSomething", "x");
        headers.put("CamelHttpMethod", "DELETE");
        headers.put("CamelHttpUri", "http://elsewhere.example/evil");
        headers.put("CamelHttpQuery", "a=b");
        headers.put("CamelFileName", "x.json");
        headers.put("breadcrumbId", "bc-1");
        headers.put("Content-Type", "text/plain");
        headers.put("kafka.KEY", "k1");
        headers.put("Authorization", "Bearer meta-token");
        headers.put("Cookie", "session=1");
        headers.put("User-Agent", "inbound-agent");

        Exchange result = send("kapso:sendMessage", Map.of("to", "1"), headers);

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/meta/whatsapp/v24.0/1555000/messages");
        assertThat(r.rawQuery()).isNull();
        assertThat(r.header("X-Correlation-Id")).isEqualTo("corr-1");
        assertThat(r.header("X-Tenant")).isEqualTo("42");
        assertThat(values(r, "Content-Type")).containsExactly("application/json");
        assertThat(names(r)).doesNotContain("breadcrumbid", "kafka.key", "authorization", "cookie")
                .noneMatch(n -> n.startsWith("camel"));
        assertThat(r.header("User-Agent")).isNotEqualTo("inbound-agent");
    }

    @Test
    void aStaleContentTypeDoesNotGoOutWithABodylessRequest() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[]}"));

        send("kapso:listBroadcasts", null, Map.of("Content-Type", "application/xml", "Content-Length", "12"));

        assertThat(names(stub.lastRequest())).doesNotContain("content-type");
        assertThat(stub.lastRequest().header("Content-Length")).isNotEqualTo("12");
    }

    @Test
    void aGetCarriesNoContentLengthAndABodylessDeleteNoContentType() {
        stub.respond(r -> StubResponse.json(200, "{\"data\":[]}"));

        send("kapso:listBroadcasts", null);
        RecordedRequest get = stub.lastRequest();
        send("kapso:deleteCustomer?customerId=c-1", null);
        RecordedRequest delete = stub.lastRequest();

        assertThat(get.method()).isEqualTo("GET");
        assertThat(names(get)).doesNotContain("content-type");
        if (Runtime.version().feature() >= 19) {
            assertThat(names(get)).doesNotContain("content-length");
        } else {
            // JDK-8283544: Java 17's HttpClient adds Content-Length: 0 to every GET, whatever the request says
            assertThat(get.header("Content-Length")).isEqualTo("0");
        }
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(names(delete)).doesNotContain("content-type");
    }

    @Test
    void signatureHeadersOfARelayedDeliveryNeverGoOut() {
        stub.respond(r -> StubResponse.json(200, "{}"));
        // what the webhook consumer hands a route, which then replies through kapso:sendMessage
        Map<String, Object> inbound = new HashMap<>();
        inbound.put("X-Webhook-Signature", "3f1c0a");
        inbound.put("X-Hub-Signature-256", "sha256=aa11");
        inbound.put("X-Hub-Signature", "sha1=bb22");
        inbound.put("X-Webhook-Event", "whatsapp.message.received");
        inbound.put("X-Idempotency-Key", "idem-inbound");
        inbound.put("X-Webhook-Batch", "true");
        inbound.put("X-Forwarded-For", "10.0.0.1");
        inbound.put("X-Request-Id", "req-1");
        inbound.put("X-Kapso-Signature", "kk");
        inbound.put("x-ratelimit-remaining", "3");
        inbound.put("Host", "hub.example");
        inbound.put("X-Correlation-Id", "corr-relay");

        Exchange result = template.send("direct:relay", ex -> {
            ex.getMessage().setHeaders(inbound);
            ex.getMessage().setBody(Map.of("to", "1"));
        });

        assertThat(result.getException()).isNull();
        RecordedRequest r = stub.lastRequest();
        assertThat(r.header("X-Correlation-Id")).isEqualTo("corr-relay");
        assertThat(names(r)).doesNotContain("x-webhook-signature", "x-hub-signature-256", "x-hub-signature",
                "x-webhook-event", "x-idempotency-key", "x-webhook-batch", "x-forwarded-for", "x-request-id",
                "x-kapso-signature", "x-ratelimit-remaining");
        assertThat(r.header("Host")).isNotEqualTo("hub.example");
    }

    @Test
    void theHeaderFilterSaysNoToSecretsAndYesToCustomXHeaders() {
        KapsoHeaderFilterStrategy filter = new KapsoHeaderFilterStrategy();
        Exchange exchange = context.getEndpoint("kapso:sendMessage").createExchange();
        for (String name : List.of("X-API-Key", "x-api-key", "X-WEBHOOK-SIGNATURE", "X-Hub-Signature-256", "CamelKapsoOperation",
                "camelHttpUri", "org.apache.camel.foo", "Authorization", "Proxy-Authorization", "breadcrumbId", "Content-Type",
                "kafka.KEY", "Idempotency-Key")) {
            assertThat(filter.applyFilterToCamelHeaders(name, "v", exchange)).as(name).isTrue();
        }
        for (String name : List.of("X-Correlation-Id", "x-trace", "X-B3-TraceId")) {
            assertThat(filter.applyFilterToCamelHeaders(name, "v", exchange)).as(name).isFalse();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Message, toString and stack trace of a throwable and all its causes and suppressed ones. */
    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append('\n').append(c.getMessage()).append('\n').append(c);
        }
        return all.toString();
    }

    private static Set<String> names(RecordedRequest r) {
        return r.headers().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static List<String> values(RecordedRequest r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}
