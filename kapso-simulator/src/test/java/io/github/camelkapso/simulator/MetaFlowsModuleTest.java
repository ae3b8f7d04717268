package io.github.camelkapso.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.simulator.ops.ProjectSeed;
import io.github.camelkapso.simulator.state.Stores;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaFlowsModuleTest extends SimulatorTestBase {

    private static Map<String, Object> flowJson() {
        return Map.of("version", "7.0", "screens", List.of(Map.of("id", "WELCOME", "title", "Hi", "terminal", true,
                "layout", Map.of("type", "SingleColumnLayout", "children", List.of(Map.of("type", "Footer", "label", "Done",
                        "on-click-action", Map.of("name", "complete", "payload", Map.of())))))));
    }

    private static String create(String name) {
        Map<String, Object> created = ok("createFlow", Map.of("name", name, "categories", List.of("SURVEY")), Map.of());
        assertThat(created).containsEntry("success", true);
        return (String) created.get("id");
    }

    private static Map<String, Object> flow(String id) {
        return ok("getFlow", null, Map.of("CamelKapsoFlowId", id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void draftUploadPublishIsImmutableThenDeprecated() {
        String id = create("onboarding_flow");
        assertThat(flow(id)).containsEntry("name", "onboarding_flow").containsEntry("status", "DRAFT");

        Exchange early = call("publishFlow", null, Map.of("CamelKapsoFlowId", id));
        assertThat(early.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("139002");

        Map<String, Object> upload = ok("uploadFlowJson", flowJson(), Map.of("CamelKapsoFlowId", id));
        assertThat(upload).containsEntry("success", true);
        assertThat((List<?>) upload.get("validation_errors")).isEmpty();

        Map<String, Object> assets = ok("getFlowAssets", null, Map.of("CamelKapsoFlowId", id));
        Map<String, Object> asset = ((List<Map<String, Object>>) assets.get("data")).get(0);
        assertThat(asset).containsEntry("name", "flow.json").containsEntry("asset_type", "FLOW_JSON");
        String url = (String) asset.get("download_url");
        byte[] json = call("downloadMedia", null, Map.of("CamelKapsoToken", url.substring(url.indexOf("token=") + 6)))
                .getMessage().getBody(byte[].class);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"WELCOME\"");

        assertThat(ok("updateFlowMetadata", Map.of("name", "onboarding_v2"), Map.of("CamelKapsoFlowId", id))).containsEntry("success", true);
        assertThat(ok("publishFlow", null, Map.of("CamelKapsoFlowId", id))).containsEntry("success", true);
        assertThat(ok("getFlow", null, Map.of("CamelKapsoFlowId", id, "CamelKapsoFields", "name,status,json_version,preview")))
                .containsEntry("name", "onboarding_v2").containsEntry("status", "PUBLISHED").containsEntry("json_version", "7.0")
                .containsKey("preview");

        assertThat(call("updateFlowMetadata", Map.of("name", "renamed"), Map.of("CamelKapsoFlowId", id)).getException())
                .hasMessageContaining("139001").hasMessageContaining("immutable");
        assertThat(call("uploadFlowJson", flowJson(), Map.of("CamelKapsoFlowId", id)).getException()).hasMessageContaining("139001");
        assertThat(call("deleteFlow", null, Map.of("CamelKapsoFlowId", id)).getException())
                .hasMessageContaining("Only DRAFT flows can be deleted");

        assertThat(ok("deprecateFlow", null, Map.of("CamelKapsoFlowId", id))).containsEntry("success", true);
        assertThat(flow(id)).containsEntry("status", "DEPRECATED");
        assertThat(call("deprecateFlow", null, Map.of("CamelKapsoFlowId", id)).getException()).hasMessageContaining("139001");
    }

    @Test
    void aDraftCanBeDeleted() {
        String id = create("throwaway_flow");
        assertThat(ok("deleteFlow", null, Map.of("CamelKapsoFlowId", id))).containsEntry("success", true);
        assertThat(call("getFlow", null, Map.of("CamelKapsoFlowId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidFlowJsonIsReportedAsValidationErrors() {
        String id = create("broken_flow");
        Map<String, Object> upload = ok("uploadFlowJson", Map.of("screens", List.of(Map.of("id", "A-1", "layout", Map.of()))),
                Map.of("CamelKapsoFlowId", id));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) upload.get("validation_errors");
        assertThat(errors).extracting(e -> e.get("error"))
                .contains("MISSING_REQUIRED_PROPERTY", "INVALID_PROPERTY_VALUE", "MISSING_TERMINAL_SCREEN");
        assertThat(errors.get(0)).containsKeys("error_type", "message", "line_start", "column_start");
        assertThat(call("publishFlow", null, Map.of("CamelKapsoFlowId", id)).getException()).hasMessageContaining("validation error");

        Map<String, Object> direct = ok("createFlow", Map.of("name", "direct_publish", "categories", List.of("OTHER"),
                "flow_json", "{\"version\": \"7.0\", \"screens\": []", "publish", true), Map.of());
        assertThat((List<?>) direct.get("validation_errors")).isNotEmpty();
        assertThat(flow((String) direct.get("id"))).containsEntry("status", "DRAFT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsNamesAndPhoneScopedCreate() {
        Map<String, Object> created = ok("createFlowForPhoneNumber", Map.of("name", "phone_scoped", "categories", List.of("SIGN_UP"),
                "flow_json", "{\"version\":\"7.0\",\"screens\":[{\"id\":\"ONE\",\"terminal\":true,\"layout\":{\"type\":\"SingleColumnLayout\",\"children\":[]}}]}",
                "publish", true), Map.of());
        assertThat(flow((String) created.get("id"))).containsEntry("status", "PUBLISHED");

        List<Map<String, Object>> all = template.requestBody("kapso:listFlowsForPhoneNumber?autoPaginate=true&limit=1", null, List.class);
        assertThat(all).extracting(f -> f.get("name")).contains("phone_scoped", ProjectSeed.SAMPLE_FLOW);
        assertThat(all.get(0)).containsOnlyKeys("id", "name", "status", "categories", "validation_errors");

        assertThat(call("createFlow", Map.of("name", "phone_scoped", "categories", List.of("OTHER")), Map.of()).getException())
                .hasMessageContaining("not unique");
        assertThat(call("createFlow", Map.of("name", "no_categories", "categories", List.of()), Map.of()).getException())
                .hasMessageContaining("categories");
    }

    @Test
    void publishingSyncsThePlatformFlowRecord() {
        String id = create("synced_flow");
        simulator.onLoop(() -> {
            ObjectNode platform = io.github.camelkapso.simulator.state.SimState.object();
            platform.put("id", java.util.UUID.randomUUID().toString());
            platform.put("meta_flow_id", id);
            platform.put("name", "synced_flow");
            platform.put("status", "draft");
            platform.putNull("published_at");
            return simulator.context().state().store(Stores.WHATSAPP_FLOWS).put(platform);
        });
        ok("uploadFlowJson", flowJson(), Map.of("CamelKapsoFlowId", id));
        ok("publishFlow", null, Map.of("CamelKapsoFlowId", id));
        ObjectNode platform = simulator.onLoop(() -> simulator.context().state().store(Stores.WHATSAPP_FLOWS)
                .find(p -> id.equals(p.path("meta_flow_id").asText())).orElseThrow().deepCopy());
        assertThat(platform.path("status").asText()).isEqualTo("published");
        assertThat(platform.path("json_version").asText()).isEqualTo("7.0");
        assertThat(platform.path("published_at").isNull()).isFalse();
    }
}
