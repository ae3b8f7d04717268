package io.github.camelkapso.consumer.flows;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same screen logic (a direct: route) serves both protocol layers: the encrypted data endpoint WhatsApp calls
 * directly (kapso:flowsDataEndpoint, layer A), and the plain JSON a Kapso-hosted data endpoint forwards after decrypting
 * it itself (layer B: a Kapso function relays Kapso's request to a plain platform-http route).
 */
class KapsoHostedFlowsFunctionTest extends FlowsConsumerTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FUNCTION_PATH = "/kapso/flows-function";

    /** Layer B request, as Kapso documents it. */
    private static final String KAPSO_FUNCTION_REQUEST = """
            {"source": "whatsapp_flow",
             "flow": {"id": "5f0c1e9a-2b7d-4c55-9a41-0d6f1b2c3e4f", "meta_flow_id": "1234567890"},
             "data_exchange": {"version": "3.0", "action": "data_exchange", "screen": "RATE",
                               "data": {"score": 4}, "flow_token": "tok-kapso"},
             "signature_valid": true,
             "received_at": "2024-01-15T10:30:00Z"}
            """;

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the screens, written once: a Map request and CamelKapsoFlow* headers in, a Map reply out
                from("direct:ratingScreens").routeId("ratingScreens")
                        .process(KapsoHostedFlowsFunctionTest.this::record)
                        .process(KapsoHostedFlowsFunctionTest::rateScreens);

                // layer A: WhatsApp calls this endpoint directly; the consumer decrypts and encrypts
                from("kapso:flowsDataEndpoint?" + businessKeyOption()).routeId("flowsEncrypted")
                        .to("direct:ratingScreens");

                // layer B: Kapso decrypted the request and its function forwards Kapso's JSON here
                from("platform-http:" + FUNCTION_PATH + "?httpMethodRestrict=POST").routeId("flowsKapsoFunction")
                        .process(KapsoHostedFlowsFunctionTest::fromKapsoFunctionRequest)
                        .choice()
                            .when(header(KapsoConstants.FLOW_ACTION).isEqualTo("ping"))
                                .setBody(constant(Map.of("data", Map.of("status", "active"))))
                            .otherwise()
                                .to("direct:ratingScreens")
                        .end()
                        .process(KapsoHostedFlowsFunctionTest::toKapsoFunctionResponse);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static void rateScreens(Exchange exchange) {
        Map<String, Object> request = exchange.getMessage().getBody(Map.class);
        String action = exchange.getMessage().getHeader(KapsoConstants.FLOW_ACTION, String.class);
        if ("INIT".equals(action)) {
            exchange.getMessage().setBody(Map.of("screen", "RATE", "data", Map.of("product", "Espresso")));
            return;
        }
        Map<String, Object> data = (Map<String, Object>) request.get("data");
        exchange.getMessage().setBody(Map.of("screen", "SUCCESS", "data", Map.of("extension_message_response",
                Map.of("params", Map.of("flow_token", exchange.getMessage().getHeader(KapsoConstants.FLOW_TOKEN),
                        "score", data.get("score"))))));
    }

    /** Kapso's {"data_exchange": {...}} becomes the same body and headers kapso:flowsDataEndpoint gives a route. */
    @SuppressWarnings("unchecked")
    static void fromKapsoFunctionRequest(Exchange exchange) throws Exception {
        Map<String, Object> kapso = MAPPER.readValue(exchange.getMessage().getBody(byte[].class), Map.class);
        Map<String, Object> request = (Map<String, Object>) kapso.get("data_exchange");
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(KapsoConstants.FLOW_ACTION, request.get("action"));
        exchange.getMessage().setHeader(KapsoConstants.FLOW_SCREEN, request.get("screen"));
        exchange.getMessage().setHeader(KapsoConstants.FLOW_TOKEN, request.get("flow_token"));
        exchange.getMessage().setHeader(KapsoConstants.FLOW_VERSION, request.get("version"));
        exchange.getMessage().setBody(request);
    }

    /** Kapso wants "version":"3.0" in every function response. */
    @SuppressWarnings("unchecked")
    static void toKapsoFunctionResponse(Exchange exchange) throws Exception {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("version", "3.0");
        response.putAll(exchange.getMessage().getBody(Map.class));
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(MAPPER.writeValueAsBytes(response));
    }

    private JsonNode postToFunction(String json) throws Exception {
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(uri(FUNCTION_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return MAPPER.readTree(response.body());
    }

    @Test
    void kapsosPlainFunctionRequestIsServedByTheSameScreens() throws Exception {
        JsonNode answer = postToFunction(KAPSO_FUNCTION_REQUEST);

        assertThat(answer).isEqualTo(json("{\"version\":\"3.0\",\"screen\":\"SUCCESS\",\"data\":{\"extension_message_response\":"
                                                + "{\"params\":{\"flow_token\":\"tok-kapso\",\"score\":4}}}}"));
        assertThat(routed).hasSize(1);
        assertThat(routed.get(0).getMessage().getHeader(KapsoConstants.FLOW_SCREEN)).isEqualTo("RATE");
        assertThat(routed.get(0).getMessage().getHeader(KapsoConstants.FLOW_ACTION)).isEqualTo("data_exchange");
    }

    @Test
    void bothLayersGiveTheSameScreen() throws Exception {
        String init = "{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"tok-both\"}";

        JsonNode encrypted = client().exchange(init).decrypted();
        JsonNode plain = postToFunction("{\"source\":\"whatsapp_flow\",\"flow\":{\"id\":\"f\",\"meta_flow_id\":\"m\"},"
                                        + "\"data_exchange\":" + init + ",\"signature_valid\":true,"
                                        + "\"received_at\":\"2024-01-15T10:30:00Z\"}");

        assertThat(encrypted).isEqualTo(json("{\"screen\":\"RATE\",\"data\":{\"product\":\"Espresso\"}}"));
        assertThat(plain.get("version").asText()).isEqualTo("3.0");
        assertThat(plain.get("screen")).isEqualTo(encrypted.get("screen"));
        assertThat(plain.get("data")).isEqualTo(encrypted.get("data"));
        assertThat(routed).hasSize(2);
    }

    @Test
    void aForwardedPingIsAnsweredWithoutTheScreens() throws Exception {
        JsonNode answer = postToFunction("{\"source\":\"whatsapp_flow\",\"data_exchange\":{\"version\":\"3.0\",\"action\":\"ping\"}}");

        assertThat(answer.at("/data/status").asText()).isEqualTo("active");
        assertThat(routed).isEmpty();
    }
}
