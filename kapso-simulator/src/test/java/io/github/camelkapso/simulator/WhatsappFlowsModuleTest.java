package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.state.Stores;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.FunctionsModuleTest.list;
import static org.assertj.core.api.Assertions.assertThat;

class WhatsappFlowsModuleTest extends SimulatorTestBase {

    private static final String PHONE = SimulatorConfig.DEFAULT_PHONE_NUMBER_ID;

    @Test
    void createVersionPublish() {
        Map<String, Object> flow = data(ok("createWhatsappFlow", Map.of("phone_number_id", PHONE, "name", "lead_capture"), Map.of()));
        String id = (String) flow.get("id");
        String metaId = (String) flow.get("meta_flow_id");
        assertThat(flow).containsEntry("status", "draft").containsEntry("json_version", "7.0")
                .containsEntry("business_account_id", SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID).containsEntry("has_data_endpoint", false);
        assertThat(flow.get("preview_url")).isNotNull();
        assertThat(meta(metaId).path("status").asText()).isEqualTo("DRAFT");

        Exchange invalid = call("createWhatsappFlowVersion", Map.of("flow_json", Map.of("version", "7.0",
                "screens", List.of(Map.of("id", "bad-id", "layout", Map.of("type", "SingleColumnLayout", "children", List.of()))))),
                Map.of("CamelKapsoFlowId", id));
        assertThat(invalid.getException()).isInstanceOf(KapsoValidationException.class);
        KapsoApiException e = (KapsoApiException) invalid.getException();
        assertThat(e.getHttpStatus()).isEqualTo(422);
        assertThat(e.getResponseBody()).contains("\"validation_errors\"").contains("screens[0].id").contains("terminal");

        Exchange noScreens = call("createWhatsappFlowVersion", Map.of("flow_json", Map.of("version", "7.0")), Map.of("CamelKapsoFlowId", id));
        assertThat(((KapsoApiException) noScreens.getException()).getResponseBody()).contains("screens");

        Map<String, Object> json = Map.of("version", "7.1", "screens", List.of(Map.of("id", "LEAD", "title", "Your details",
                "terminal", true, "layout", Map.of("type", "SingleColumnLayout", "children", List.of(
                        Map.of("type", "TextInput", "name", "email", "label", "Email"),
                        Map.of("type", "Footer", "label", "Send", "on-click-action", Map.of("name", "complete", "payload", Map.of())))))));
        Map<String, Object> version = data(ok("createWhatsappFlowVersion", Map.of("flow_json", json), Map.of("CamelKapsoFlowId", id)));
        assertThat(version).containsEntry("version_label", "v2").containsEntry("status", "draft").containsEntry("flow_json", json);
        assertThat((String) version.get("flow_json_sha")).hasSize(64);
        assertThat(meta(metaId).path("json_version").asText()).as("a draft's Meta flow takes the JSON at once").isEqualTo("7.1");

        List<Map<String, Object>> versions = list(ok("listWhatsappFlowVersions", null, Map.of("CamelKapsoFlowId", id)).get("data"));
        assertThat(versions).extracting(v -> v.get("version_label")).containsExactly("v2", "v1");
        assertThat(versions.get(0)).doesNotContainKey("flow_json");
        assertThat(data(ok("getWhatsappFlowVersion", null, Map.of("CamelKapsoFlowId", id, "CamelKapsoVersionId", version.get("id")))))
                .containsEntry("flow_json", json);

        Map<String, Object> published = data(ok("publishWhatsappFlow", Map.of(), Map.of("CamelKapsoFlowId", id)));
        assertThat(published).containsEntry("status", "published").containsEntry("preview_url", null);
        assertThat(published.get("published_at")).isNotNull();
        assertThat(meta(metaId).path("status").asText()).isEqualTo("PUBLISHED");
        Exchange again = call("publishWhatsappFlow", Map.of(), Map.of("CamelKapsoFlowId", id));
        assertThat(again.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("no draft version");

        assertThat(list(ok("listWhatsappFlows", null, Map.of("CamelKapsoStatus", "published", "CamelKapsoNameContains", "lead")).get("data")))
                .extracting(f -> f.get("id")).containsExactly(id);
        Exchange duplicate = call("createWhatsappFlow", Map.of("phone_number_id", PHONE, "name", "lead_capture"), Map.of());
        assertThat(duplicate.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("name");
        assertThat(call("createWhatsappFlow", Map.of("phone_number_id", "999"), Map.of()).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void dataEndpointLifecycle() {
        String id = (String) data(ok("createWhatsappFlow", Map.of("phone_number_id", PHONE, "name", "booking"), Map.of())).get("id");
        Exchange none = call("getFlowDataEndpoint", null, Map.of("CamelKapsoFlowId", id));
        assertThat(none.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("No data endpoint");

        String code = "// simulator-response: {\"version\": \"3.0\", \"screen\": \"SUCCESS\", \"data\": {}}\n"
                      + "async function handler(request, env) { return new Response('{}'); }";
        Map<String, Object> endpoint = data(ok("setFlowDataEndpointCode", Map.of("code", code), Map.of("CamelKapsoFlowId", id)));
        assertThat(endpoint).containsEntry("status", "draft").containsEntry("code", code).containsEntry("function_name", "flow-booking-data-endpoint");
        String functionId = (String) endpoint.get("function_id");

        Exchange notDeployed = call("registerFlowDataEndpoint", null, Map.of("CamelKapsoFlowId", id));
        assertThat(notDeployed.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("encryption");
        Map<String, Object> encryption = data(ok("setupFlowEncryption", Map.of(), Map.of("CamelKapsoFlowId", id)));
        assertThat(encryption).containsEntry("status", "success").containsEntry("flows_encryption_configured", true);
        assertThat(data(ok("setupFlowEncryption", Map.of(), Map.of("CamelKapsoFlowId", id)))).containsEntry("status", "already_configured");
        assertThat(call("registerFlowDataEndpoint", null, Map.of("CamelKapsoFlowId", id)).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("not deployed");

        Map<String, Object> deployed = data(ok("deployFlowDataEndpoint", null, Map.of("CamelKapsoFlowId", id)));
        assertThat(deployed).containsEntry("status", "deployed");
        assertThat(deployed.get("last_deployed_at")).isNotNull();
        Map<String, Object> registered = data(ok("registerFlowDataEndpoint", null, Map.of("CamelKapsoFlowId", id)));
        assertThat(registered).containsEntry("flow_id", id).containsEntry("flow_data_endpoint_function_id", functionId)
                .containsEntry("flow_has_encryption", true).containsEntry("warning", null);
        Map<String, Object> flow = data(ok("getWhatsappFlow", null, Map.of("CamelKapsoFlowId", id)));
        assertThat(flow).containsEntry("has_data_endpoint", true).containsEntry("data_endpoint_function_id", functionId)
                .containsEntry("flows_encryption_configured", true).containsEntry("data_api_version", "3.0");
        assertThat(meta((String) flow.get("meta_flow_id")).path("endpoint_uri").asText()).isEqualTo(flow.get("data_endpoint_url"));

        assertThat(ok("invokeFunction", Map.of("action", "INIT"), Map.of("CamelKapsoFunctionId", functionId)))
                .containsEntry("screen", "SUCCESS");
        Map<String, Object> invocations = data(ok("getFlowFunctionInvocations", null, Map.of("CamelKapsoFlowId", id)));
        assertThat(list(invocations.get("invocations"))).singleElement().satisfies(i ->
                assertThat(i).containsEntry("status_code", 200).containsEntry("request_body", Map.of("action", "INIT")).containsKey("cf_ray"));
        assertThat(list(data(ok("getFlowFunctionLogs", null, Map.of("CamelKapsoFlowId", id))).get("logs")))
                .singleElement().satisfies(l -> assertThat(l).containsEntry("level", "info").containsEntry("outcome", "ok"));

        String other = (String) data(ok("createWhatsappFlow", Map.of("phone_number_id", PHONE, "name", "booking_v2"), Map.of())).get("id");
        Map<String, Object> attached = data(ok("attachFlowDataEndpoint", Map.of("function_id", functionId), Map.of("CamelKapsoFlowId", other)));
        assertThat(attached).containsEntry("flow_id", other).containsEntry("function_id", functionId);
        assertThat(call("attachFlowDataEndpoint", Map.of("function_id", "00000000-0000-0000-0000-000000000000"),
                Map.of("CamelKapsoFlowId", other)).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void theSeededFlowHasItsPublishedVersion() {
        List<Map<String, Object>> flows = list(ok("listWhatsappFlows", null, Map.of("CamelKapsoNameContains", "sample_survey")).get("data"));
        assertThat(flows).singleElement().satisfies(f -> assertThat(f).containsEntry("status", "published"));
        assertThat(list(ok("listWhatsappFlowVersions", null, Map.of("CamelKapsoFlowId", flows.get(0).get("id"))).get("data")))
                .singleElement().satisfies(v -> assertThat(v).containsEntry("status", "published").containsEntry("version_label", "v1"));
    }

    private static ObjectNode meta(String metaFlowId) {
        return simulator.onLoop(() -> simulator.context().state().store(Stores.META_FLOWS).get(metaFlowId).orElseThrow().deepCopy());
    }
}
