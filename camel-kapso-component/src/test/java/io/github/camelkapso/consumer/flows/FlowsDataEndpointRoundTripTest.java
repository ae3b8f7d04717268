package io.github.camelkapso.consumer.flows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Answer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** WhatsApp opens a flow, submits screens and finishes it; the route picks the screens on plain JSON. */
class FlowsDataEndpointRoundTripTest extends FlowsConsumerTestBase {

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:flowsDataEndpoint?" + businessKeyOption()).routeId("flows")
                        .process(FlowsDataEndpointRoundTripTest.this::record)
                        .process(FlowsDataEndpointRoundTripTest::rateScreens);
            }
        };
    }

    /** INIT shows RATE; submitting RATE with a score finishes the flow, without one stays on RATE with an error. */
    @SuppressWarnings("unchecked")
    static void rateScreens(Exchange exchange) {
        Map<String, Object> request = exchange.getMessage().getBody(Map.class);
        String action = exchange.getMessage().getHeader(KapsoConstants.FLOW_ACTION, String.class);
        String token = exchange.getMessage().getHeader(KapsoConstants.FLOW_TOKEN, String.class);
        if ("INIT".equals(action)) {
            exchange.getMessage().setBody(Map.of("screen", "RATE", "data", Map.of("product", "Café ☕")));
            return;
        }
        Map<String, Object> data = (Map<String, Object>) request.get("data");
        if (data.get("score") == null) {
            exchange.getMessage().setBody(Map.of("screen", "RATE",
                    "data", Map.of("product", "Café ☕", "error_message", "Pick a score")));
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("flow_token", token);
        params.put("score", data.get("score"));
        params.put("comment", data.get("comment"));
        exchange.getMessage().setBody(Map.of("screen", "SUCCESS",
                "data", Map.of("extension_message_response", Map.of("params", params))));
    }

    @Test
    void initShowsTheFirstScreenChosenByTheRoute() {
        Answer answer = client().exchange("{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"tok-1\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.decrypted()).isEqualTo(json("{\"screen\":\"RATE\",\"data\":{\"product\":\"Café ☕\"}}"));
        assertThat(routed).hasSize(1);
        Exchange seen = routed.get(0);
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_ACTION)).isEqualTo("INIT");
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_TOKEN)).isEqualTo("tok-1");
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_VERSION)).isEqualTo("3.0");
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_SCREEN)).isNull();
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_ERROR)).isNull();
        assertThat(seen.getMessage().getBody()).isInstanceOf(Map.class)
                .isEqualTo(Map.of("version", "3.0", "action", "INIT", "flow_token", "tok-1"));
    }

    @Test
    void dataExchangeGoesToTheScreenTheRouteChooses() {
        Answer answer = client().exchange("{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"RATE\","
                                          + "\"data\":{\"score\":5,\"comment\":\"Très bon 👍\"},\"flow_token\":\"tok-2\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted().get("screen").asText()).isEqualTo("SUCCESS");
        assertThat(answer.decrypted().at("/data/extension_message_response/params").toString())
                .isEqualTo("{\"flow_token\":\"tok-2\",\"score\":5,\"comment\":\"Très bon 👍\"}");
        Exchange seen = routed.get(0);
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_ACTION)).isEqualTo("data_exchange");
        assertThat(seen.getMessage().getHeader(KapsoConstants.FLOW_SCREEN)).isEqualTo("RATE");
    }

    @Test
    void aScreenWithBadInputStaysWithAnErrorMessage() {
        Answer answer = client().exchange("{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"RATE\","
                                          + "\"data\":{},\"flow_token\":\"tok-3\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted().get("screen").asText()).isEqualTo("RATE");
        assertThat(answer.decrypted().at("/data/error_message").asText()).isEqualTo("Pick a score");
    }

    @Test
    void eachAnswerIsEncryptedForItsOwnRequest() {
        WhatsAppFlowsClient client = client();
        WhatsAppFlowsClient.Envelope first = client.encrypt("{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"a\"}");
        WhatsAppFlowsClient.Envelope second = client.encrypt("{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"b\"}");

        Answer a = client.post(first, first.json());
        Answer b = client.post(second, second.json());

        assertThat(a.body()).isNotEqualTo(b.body());
        assertThat(a.decrypted()).isEqualTo(b.decrypted());
        assertThat(a.body()).matches("[A-Za-z0-9+/]+={0,2}");
    }

    @Test
    void pingIsAnsweredWithoutTheRoute() {
        Answer answer = client().exchange("{\"version\":\"3.0\",\"action\":\"ping\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted()).isEqualTo(json("{\"data\":{\"status\":\"active\"}}"));
        assertThat(routed).isEmpty();
    }

    @Test
    void anErrorNotificationIsAcknowledgedAndShownToTheRoute() {
        Answer answer = client().exchange("{\"version\":\"3.0\",\"flow_token\":\"tok-4\",\"action\":\"data_exchange\","
                                          + "\"screen\":\"RATE\",\"data\":{\"error\":\"INVALID_SCREEN_DATA\","
                                          + "\"error_message\":\"product is missing\"}}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted()).isEqualTo(json("{\"data\":{\"acknowledged\":true}}"));
        assertThat(routed).hasSize(1);
        assertThat(routed.get(0).getMessage().getHeader(KapsoConstants.FLOW_ERROR)).isEqualTo("INVALID_SCREEN_DATA");
    }

    @Test
    void concurrentRequestsAreEachAnsweredUnderTheirOwnKey() {
        WhatsAppFlowsClient client = client();
        List<CompletableFuture<Answer>> answers = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.exchange(
                        "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"RATE\",\"data\":{\"score\":" + i
                        + "},\"flow_token\":\"tok-" + i + "\"}")))
                .toList();

        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i).join();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.decrypted().at("/data/extension_message_response/params/flow_token").asText()).isEqualTo("tok-" + i);
            assertThat(answer.decrypted().at("/data/extension_message_response/params/score").asInt()).isEqualTo(i);
        }
        assertThat(routed).hasSize(16);
    }

    @Test
    void theRouteStopsAndStartsServing() throws Exception {
        String init = "{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"tok\"}";

        context.getRouteController().stopRoute("flows");
        assertThat(client().exchange(init).status()).isEqualTo(404);

        context.getRouteController().startRoute("flows");
        assertThat(client().exchange(init).status()).isEqualTo(200);
    }
}
