package io.github.camelkapso.consumer.flows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.consumer.flows.WhatsAppFlowsClient.Answer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the route does decides the answer: its reply in any JSON form is encrypted (200); a flow token it declares
 * invalid is 427; a failure, or a reply that is no Flows response, is 500 without details.
 */
class FlowsRouteOutcomeTest extends FlowsConsumerTestBase {

    private static final String DATA_EXCHANGE = "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"ORDER\","
                                                + "\"data\":{\"qty\":2,\"note\":\"sin azúcar\"},\"flow_token\":\"tok-9\"}";

    /** A POJO reply. */
    public static class ScreenReply {
        public String screen = "CONFIRM";
        public Map<String, Object> data = Map.of("total", 12.5);
    }

    /** A POJO request, bound by flowsRequestClass; fields WhatsApp adds later are ignored. */
    public static class OrderRequest {
        public String action;
        public String screen;
        public Map<String, Object> data;
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String key = "&" + businessKeyOption();
                from("kapso:flowsDataEndpoint?path=/flows/text" + key)
                        .setBody(constant("{\"screen\":\"CONFIRM\",\"data\":{\"total\":12.5}}"));
                from("kapso:flowsDataEndpoint?path=/flows/pojo" + key)
                        .process(e -> e.getMessage().setBody(new ScreenReply()));
                from("kapso:flowsDataEndpoint?path=/flows/node" + key)
                        .process(e -> e.getMessage().setBody(new ObjectMapper().readTree("{\"data\":{\"x\":1}}")));
                from("kapso:flowsDataEndpoint?path=/flows/bytes" + key)
                        .setBody(constant("{\"screen\":\"CONFIRM\",\"data\":{\"note\":\"ñ\"}}".getBytes(StandardCharsets.UTF_8)));
                from("kapso:flowsDataEndpoint?path=/flows/asJsonNode&flowsRequestClass=com.fasterxml.jackson.databind.JsonNode" + key)
                        .process(FlowsRouteOutcomeTest.this::record)
                        .setBody(constant(Map.of("data", Map.of())));
                from("kapso:flowsDataEndpoint?path=/flows/asString&flowsRequestClass=java.lang.String" + key)
                        .process(FlowsRouteOutcomeTest.this::record)
                        .setBody(constant(Map.of("data", Map.of())));
                from("kapso:flowsDataEndpoint?path=/flows/asPojo&flowsRequestClass=" + OrderRequest.class.getName() + key)
                        .process(FlowsRouteOutcomeTest.this::record)
                        .setBody(constant(Map.of("data", Map.of())));

                from("kapso:flowsDataEndpoint?path=/flows/tokenHeader" + key)
                        .process(FlowsRouteOutcomeTest.this::record)
                        .setHeader(KapsoConstants.FLOW_TOKEN_INVALID, constant(true))
                        .setHeader(KapsoConstants.FLOW_TOKEN_INVALID_MESSAGE, constant("The order has already been placed"));
                from("kapso:flowsDataEndpoint?path=/flows/tokenHeaderNoMessage" + key)
                        .setHeader(KapsoConstants.FLOW_TOKEN_INVALID, constant("true"));
                from("kapso:flowsDataEndpoint?path=/flows/tokenException" + key)
                        .process(e -> {
                            throw new KapsoFlowTokenInvalidException("This link has expired");
                        });
                from("kapso:flowsDataEndpoint?path=/flows/failing" + key)
                        .process(e -> {
                            throw new IllegalStateException("database down at jdbc:secret-host");
                        });
                from("kapso:flowsDataEndpoint?path=/flows/noData" + key)
                        .setBody(constant(Map.of("screen", "CONFIRM")));
                from("kapso:flowsDataEndpoint?path=/flows/untouched" + key)
                        .log("route forgot to set a reply");
                from("kapso:flowsDataEndpoint?path=/flows/nullBody" + key)
                        .setBody(constant(null));
                from("kapso:flowsDataEndpoint?path=/flows/notJson" + key)
                        .setBody(constant("screen=CONFIRM"));
            }
        };
    }

    private Answer call(String path) {
        return client(path).exchange(DATA_EXCHANGE);
    }

    @Test
    void aReplyAsJsonTextIsSent() {
        Answer answer = call("/flows/text");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.decrypted()).isEqualTo(json("{\"screen\":\"CONFIRM\",\"data\":{\"total\":12.5}}"));
    }

    @Test
    void aReplyAsPojoJsonNodeOrBytesIsSent() {
        assertThat(call("/flows/pojo").decrypted()).isEqualTo(json("{\"screen\":\"CONFIRM\",\"data\":{\"total\":12.5}}"));
        assertThat(call("/flows/node").decrypted()).isEqualTo(json("{\"data\":{\"x\":1}}"));
        assertThat(call("/flows/bytes").decrypted().at("/data/note").asText()).isEqualTo("ñ");
    }

    @Test
    void theRequestCanBeHandedOverAsJsonNodeStringOrPojo() {
        assertThat(call("/flows/asJsonNode").status()).isEqualTo(200);
        assertThat(call("/flows/asString").status()).isEqualTo(200);
        assertThat(call("/flows/asPojo").status()).isEqualTo(200);

        assertThat(routed.get(0).getMessage().getBody()).isInstanceOf(JsonNode.class);
        assertThat(routed.get(0).getMessage().getBody(JsonNode.class).at("/data/note").asText()).isEqualTo("sin azúcar");
        assertThat(routed.get(1).getMessage().getBody()).isEqualTo(DATA_EXCHANGE);
        OrderRequest order = routed.get(2).getMessage().getBody(OrderRequest.class);
        assertThat(order.action).isEqualTo("data_exchange");
        assertThat(order.data).containsEntry("qty", 2);
    }

    @Test
    void aFlowTokenMarkedInvalidByHeaderIs427WithTheMessageForTheUser() {
        Answer answer = call("/flows/tokenHeader");

        assertThat(answer.status()).isEqualTo(427);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).isEqualTo("{\"error_msg\":\"The order has already been placed\"}");
        assertThat(routed).hasSize(1);
    }

    @Test
    void aFlowTokenMarkedInvalidWithoutMessageIs427() {
        Answer answer = call("/flows/tokenHeaderNoMessage");

        assertThat(answer.status()).isEqualTo(427);
        assertThat(answer.body()).isEqualTo("{}");
    }

    @Test
    void aKapsoFlowTokenInvalidExceptionIs427() {
        Answer answer = call("/flows/tokenException");

        assertThat(answer.status()).isEqualTo(427);
        assertThat(answer.body()).isEqualTo("{\"error_msg\":\"This link has expired\"}");
    }

    @Test
    void aRouteFailureIs500WithoutDetails() {
        Answer answer = call("/flows/failing");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aReplyThatIsNoFlowsResponseIs500() {
        assertThat(call("/flows/noData").status()).isEqualTo(500);
        assertThat(call("/flows/untouched").status()).isEqualTo(500);
        assertThat(call("/flows/nullBody").status()).isEqualTo(500);
        Answer notJson = call("/flows/notJson");
        assertThat(notJson.status()).isEqualTo(500);
        assertThat(notJson.body()).isEmpty();
    }
}
