package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.simulator.ops.platform.ApiLogs;
import io.github.camelkapso.simulator.support.PlatformRawHttp;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API logs ({@code ApiLogsModule}), log search ({@code LogSearchModule}) and the static provider models. The calls
 * are recorded under /platform/v1/logtest/ so the assertions hold whether or not the server logs the test's own calls.
 */
class LogSearchModuleTest extends SimulatorTestBase {

    @BeforeAll
    static void recordCalls() {
        simulator.onLoop(() -> {
            ApiLogs logs = ApiLogs.of(simulator.context());
            logs.record("GET", "/platform/v1/logtest/customers", 200, 12, "127.0.0.1", null);
            logs.record("POST", "/platform/v1/logtest/broadcasts", 422, 8, "127.0.0.1", "whatsapp_broadcast.name is required");
            logs.record("POST", "/platform/v1/logtest/messages", 200, 30, "127.0.0.1", null);
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiLogsAreListedNewestFirstWithFilters() {
        List<Map<String, Object>> all = (List<Map<String, Object>>) ok("listApiLogs", null, Map.of("CamelKapsoEndpoint", "/logtest/")).get("data");
        assertThat(all).extracting(l -> l.get("endpoint")).containsExactly("/platform/v1/logtest/messages",
                "/platform/v1/logtest/broadcasts", "/platform/v1/logtest/customers");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ok("listApiLogs", null, Map.of("CamelKapsoErrorsOnly", true, "CamelKapsoEndpoint", "/logtest/")).get("data");
        assertThat(errors).singleElement().satisfies(l -> assertThat(l).containsEntry("response_status", 422)
                .containsEntry("error_message", "whatsapp_broadcast.name is required").containsEntry("http_method", "POST"));
        List<Map<String, Object>> broadcasts = (List<Map<String, Object>>) ok("listApiLogs", null,
                Map.of("CamelKapsoEndpoint", "LOGTEST/BROADCASTS")).get("data");
        assertThat(broadcasts).hasSize(1);
        PlatformRawHttp.Answer paged = PlatformRawHttp.call(simulator, "GET", "/api_logs?endpoint=/logtest/&limit=2", null);
        assertThat(paged.json().path("data")).hasSize(2);
        String next = paged.json().path("paging").path("next").asText();
        PlatformRawHttp.Answer second = PlatformRawHttp.call(simulator, "GET", "/api_logs?endpoint=/logtest/&limit=2&after=" + next, null);
        assertThat(second.json().path("data").path(0).path("endpoint").asText()).isEqualTo("/platform/v1/logtest/customers");
    }

    @Test
    void searchFindsEventsBySourceQueryAndFilters() {
        JsonNode byQuery = PlatformRawHttp.call(simulator, "GET", "/log_search?query=logtest/broadcasts&source=external_api_log", null)
                .json().path("data");
        assertThat(byQuery.path("available").asBoolean()).isTrue();
        assertThat(byQuery.path("events")).hasSize(1);
        assertThat(byQuery.path("events").path(0).path("response_status").asInt()).isEqualTo(422);
        assertThat(byQuery.path("window").has("since")).isTrue();

        JsonNode problems = PlatformRawHttp.call(simulator, "POST", "/log_search",
                "{\"problems_only\":true,\"filters\":[{\"key\":\"endpoint_contains\",\"value\":\"/logtest/\"}]}").json().path("data");
        assertThat(problems.path("events")).hasSize(1);

        JsonNode first = PlatformRawHttp.call(simulator, "GET", "/log_search?source=external_api_log&query=logtest&limit=2", null).json().path("data");
        assertThat(first.path("pagination").path("has_more").asBoolean()).isTrue();
        JsonNode rest = PlatformRawHttp.call(simulator, "GET", "/log_search?source=external_api_log&query=logtest&limit=2&cursor="
                                                               + first.path("pagination").path("next_cursor").asText(), null).json().path("data");
        assertThat(rest.path("events").path(0).path("endpoint").asText()).isEqualTo("/platform/v1/logtest/customers");
        assertThat(rest.path("pagination").path("has_more").asBoolean()).isFalse();

        PlatformRawHttp.Answer badFilters = PlatformRawHttp.call(simulator, "POST", "/log_search", "{\"filters\":[{\"key\":\"x\"}]}");
        assertThat(badFilters.status()).isEqualTo(422);
        assertThat(ok("getLogSearchCatalog", null, Map.of()).toString()).contains("external_api_log");
    }

    @Test
    @SuppressWarnings("unchecked")
    void providerModelsCarryTheDocumentedFields() {
        List<Map<String, Object>> models = (List<Map<String, Object>>) ok("listProviderModels", null, Map.of()).get("data");
        assertThat(models).isNotEmpty().allSatisfy(m -> assertThat(m).containsKeys("id", "name", "provider", "reasoning_model",
                "thinking_mode", "supported_reasoning_efforts", "api_surface"));
    }
}
