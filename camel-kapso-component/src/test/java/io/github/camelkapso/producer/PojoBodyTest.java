package io.github.camelkapso.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java objects in the body of a {@code kapso:} route go out in Kapso's snake_case: record and POJO properties are
 * renamed, explicit {@code @JsonProperty} names and Map keys are not, null properties are left out, Map nulls kept.
 * Asserted on the JSON the stub received.
 */
class PojoBodyTest extends KapsoProducerTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record TextPart(String body, Boolean previewUrl) {
    }

    record Context(String messageId) {
    }

    record OutgoingText(String messagingProduct, String recipientType, String to, String type, TextPart text,
                        Context context, String bizOpaqueCallbackData) {
    }

    record NewCustomer(String name, String externalCustomerId, @JsonProperty("customerRef") String reference,
                       Map<String, Object> metadata) {
    }

    /** A JavaBean rather than a record: getters are renamed the same way. */
    public static class TextBean {
        public String getMessagingProduct() {
            return "whatsapp";
        }

        public String getTo() {
            return "15551234567";
        }

        public String getType() {
            return "text";
        }

        public TextPart getText() {
            return new TextPart("bean ✓", false);
        }

        public String getRecipientType() {
            return null;
        }
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("kapso:sendMessage?phoneNumberId=1065&maxRetries=0");
                from("direct:customer").to("kapso:createCustomer?maxRetries=0");
            }
        };
    }

    @BeforeEach
    void answerLikeKapso() {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.1\"}],\"data\":{\"id\":\"cus_1\"}}"));
    }

    @Test
    void aRecordBodyGoesOutInSnakeCaseWithoutItsNullProperties() throws Exception {
        OutgoingText message = new OutgoingText("whatsapp", "individual", "15551234567", "text",
                new TextPart("Track it at https://example.com/t/1", true), null, null);

        JsonNode wire = sendThroughRoute("direct:send", message);

        assertThat(stub.lastRequest().rawPath()).isEqualTo("/meta/whatsapp/v24.0/1065/messages");
        assertThat(wire).isEqualTo(json("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                                        + "\"to\":\"15551234567\",\"type\":\"text\",\"text\":{\"body\":\"Track it at "
                                        + "https://example.com/t/1\",\"preview_url\":true}}"));
    }

    @Test
    void aJavaBeanBodyGoesOutInSnakeCase() throws Exception {
        JsonNode wire = sendThroughRoute("direct:send", new TextBean());

        assertThat(wire).isEqualTo(json("{\"messaging_product\":\"whatsapp\",\"to\":\"15551234567\",\"type\":\"text\","
                                        + "\"text\":{\"body\":\"bean ✓\",\"preview_url\":false}}"));
    }

    @Test
    void explicitNamesAndTheKeysOfAMapInsideARecordAreSentAsWritten() throws Exception {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("crmId", "A-17");
        metadata.put("loyalty_tier", "gold");
        metadata.put("previousOwner", null);

        JsonNode wire = sendThroughRoute("direct:customer", new NewCustomer("Acme", "ext-1", "R-9", metadata));

        assertThat(stub.lastRequest().rawPath()).isEqualTo("/platform/v1/customers");
        assertThat(wire).isEqualTo(json("{\"customer\":{\"name\":\"Acme\",\"external_customer_id\":\"ext-1\","
                                        + "\"customerRef\":\"R-9\",\"metadata\":{\"crmId\":\"A-17\",\"loyalty_tier\":\"gold\","
                                        + "\"previousOwner\":null}}}"));
    }

    @Test
    void aMapBodyKeepsItsCamelCaseKeysAndNullsWhileARecordInsideItIsSnakeCased() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", "15551234567");
        body.put("type", "text");
        body.put("bizOpaqueCallbackData", "order-42");
        body.put("context", null);
        body.put("text", new TextPart("hi", null));
        body.put("recipients", List.of(Map.of("phoneNumber", "15550001111")));

        JsonNode wire = sendThroughRoute("direct:send", body);

        assertThat(wire).isEqualTo(json("{\"messaging_product\":\"whatsapp\",\"to\":\"15551234567\",\"type\":\"text\","
                                        + "\"bizOpaqueCallbackData\":\"order-42\",\"context\":null,\"text\":{\"body\":\"hi\"},"
                                        + "\"recipients\":[{\"phoneNumber\":\"15550001111\"}]}"));
    }

    @Test
    void jsonTextWithCamelCaseKeysIsSentAsGiven() throws Exception {
        String text = "{\"messaging_product\":\"whatsapp\",\"to\":\"15551234567\",\"type\":\"text\","
                      + "\"text\":{\"body\":\"hi\",\"previewUrl\":true}}";

        JsonNode wire = sendThroughRoute("direct:send", text);

        assertThat(stub.lastRequest().bodyText()).isEqualTo(text);
        assertThat(wire.path("text").has("previewUrl")).isTrue();
    }

    private JsonNode sendThroughRoute(String uri, Object body) {
        Exchange result = template.send(uri, ex -> ex.getMessage().setBody(body));
        assertThat(result.getException()).isNull();
        assertThat(stub.requests()).hasSize(1);
        return stub.lastRequest().json();
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }
}
