package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoRateLimitException;
import io.github.camelkapso.error.KapsoServerException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection through the admin API (429 with Retry-After, 5xx, dropped connections, latency, per operation or
 * global, limited to a count) and the request log, seen the way a client sees them: through the kapso: component.
 */
class FaultInjectionTest extends SimulatorTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, Object> TEMPLATE = Map.of("messaging_product", "whatsapp", "to", "15550106060",
            "type", "template", "template", Map.of("name", "order_update", "language", Map.of("code", "en_US"),
                    "components", List.of(Map.of("type", "body", "parameters", List.of(
                            Map.of("type", "text", "text", "Ana"), Map.of("type", "text", "text", "A-7"))))));

    @AfterEach
    void clearFaults() throws Exception {
        admin("DELETE", "faults", null);
        admin("DELETE", "requests", null);
    }

    @Test
    void rateLimitWithRetryAfterIsRetriedByTheComponentAndLogged() throws Exception {
        assertThat(admin("POST", "faults", "{\"operation\":\"sendMessage\",\"status\":429,\"retry_after\":\"1\",\"count\":1}")
                .path("data").path("status").asInt()).isEqualTo(429);

        Exchange sent = call("sendMessage", TEMPLATE, Map.of());

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(KapsoConstants.ATTEMPTS)).isEqualTo(2);
        JsonNode log = admin("GET", "requests?operation=sendMessage", null).path("data");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).path("status").asInt()).isEqualTo(429);
        assertThat(log.get(1).path("status").asInt()).isEqualTo(200);
        assertThat(log.get(1).path("body").asText()).contains("order_update");
        assertThat(admin("GET", "faults", null).path("data")).as("a counted rule is used up").isEmpty();
    }

    @Test
    void serverErrorsReachTheRouteWhenRetriesAreOff() throws Exception {
        admin("POST", "faults", "{\"operation\":\"getCustomer\",\"status\":503,\"count\":2}");
        Exchange get = template.send("kapso:getCustomer?maxRetries=0", ex -> ex.getMessage().setHeader("CamelKapsoCustomerId", "any"));
        assertThat(get.getException()).isInstanceOf(KapsoServerException.class);
        assertThat(((KapsoServerException) get.getException()).getHttpStatus()).isEqualTo(503);

        admin("POST", "faults", "{\"operation\":\"*\",\"status\":429,\"count\":1}");
        Exchange any = template.send("kapso:listCustomers?maxRetries=0", ex -> { });
        assertThat(any.getException()).isInstanceOf(KapsoRateLimitException.class);
        assertThat(((KapsoRateLimitException) any.getException()).getRetryAfter()).isNotNull();
    }

    @Test
    void droppedConnectionOnAReadIsRetriedAndLatencyIsAdded() throws Exception {
        admin("POST", "faults", "{\"operation\":\"listTemplates\",\"drop_rate\":1,\"count\":1}");
        Exchange list = call("listTemplates", null, Map.of());
        assertThat(list.getException()).isNull();
        assertThat(admin("GET", "requests?operation=listTemplates", null).path("data").get(0).path("body").asText())
                .isEqualTo("<connection dropped>");

        admin("POST", "faults", "{\"operation\":\"getPhoneNumber\",\"latency_ms\":300}");
        long start = System.nanoTime();
        Exchange phone = call("getPhoneNumber", null, Map.of());
        assertThat(phone.getException()).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void badRulesAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> refused = send("POST", "faults", "{\"operation\":\"sendMessage\",\"error_rate\":2}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error_rate");
        assertThat(send("POST", "faults", "{\"status\":302}").body()).contains("status");
    }

    private static JsonNode admin(String method, String path, String json) throws Exception {
        HttpResponse<String> answer = send(method, path, json);
        assertThat(answer.statusCode()).as("%s /_sim/%s: %s", method, path, answer.body()).isBetween(200, 299);
        return answer.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(answer.body());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
