package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.simulator.ops.meta.CallsService;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallsModuleTest extends SimulatorTestBase {

    private static final Map<String, Object> OFFER = Map.of("sdp_type", "offer", "sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n");
    private static final Map<String, Object> ANSWER = Map.of("sdp_type", "answer", "sdp", "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n");

    private static String ring(String from) {
        ObjectNode call = simulator.onLoop(() -> CallsService.of(simulator.context()).ring(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, from));
        assertThat(call.path("status").asText()).isEqualTo("ringing");
        return call.path("call_id").asText();
    }

    private static Map<String, Object> action(String action, String callId, Map<String, Object> session) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("messaging_product", "whatsapp", "action", action, "call_id", callId));
        if (session != null) {
            body.put("session", session);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> callById(String callId) {
        List<Map<String, Object>> data = (List<Map<String, Object>>) ok("listCalls", null, Map.of("CamelKapsoCallId", callId)).get("data");
        assertThat(data).hasSize(1);
        return data.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void inboundAndOutboundCallRoundTrips() {
        Map<String, Object> connect = Map.of("messaging_product", "whatsapp", "action", "connect", "to", "15551234567", "session", OFFER);
        assertThat(call("performCallAction", connect, Map.of()).getException()).hasMessageContaining("138000");

        ok("updateNumberSettings", Map.of("calling", Map.of("status", "ENABLED", "callback_permission_status", "ENABLED")), Map.of());
        assertThat(call("performCallAction", connect, Map.of()).getException()).hasMessageContaining("138006");
        Map<String, Object> before = ok("getCallPermissions", null, Map.of("CamelKapsoUserWaId", "15551234567"));
        assertThat((Map<String, Object>) before.get("permission")).containsEntry("status", "no_permission");

        String inbound = ring("+1 555 123 4567");
        assertThat(callById(inbound)).containsEntry("direction", "inbound").containsEntry("status", "ringing")
                .containsEntry("user_wa_id", "15551234567").containsEntry("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
        assertThat(ok("performCallAction", action("pre_accept", inbound, ANSWER), Map.of())).containsEntry("success", true);
        assertThat(call("performCallAction", action("accept", inbound, OFFER), Map.of()).getException()).hasMessageContaining("sdp_type");
        ok("performCallAction", action("accept", inbound, ANSWER), Map.of());
        assertThat(callById(inbound)).containsEntry("status", "answered").doesNotContainKey("pre_accepted");
        ok("performCallAction", action("terminate", inbound, null), Map.of());
        Map<String, Object> ended = callById(inbound);
        assertThat(ended).containsEntry("status", "completed").containsKey("duration_seconds");
        assertThat(ended.get("ended_at")).isNotNull();
        assertThat(call("performCallAction", action("terminate", inbound, null), Map.of()).getException()).hasMessageContaining("ended");

        Map<String, Object> granted = ok("getCallPermissions", null, Map.of("CamelKapsoUserWaId", "15551234567"));
        assertThat((Map<String, Object>) granted.get("permission")).containsEntry("status", "temporary").containsKey("expiration_time");
        assertThat((List<Map<String, Object>>) granted.get("actions")).extracting(a -> a.get("action_name"), a -> a.get("can_perform_action"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("send_call_permission_request", false),
                        org.assertj.core.groups.Tuple.tuple("start_call", true));

        Map<String, Object> connected = ok("performCallAction", connect, Map.of());
        String outbound = (String) ((List<Map<String, Object>>) connected.get("calls")).get(0).get("id");
        assertThat(outbound).startsWith("wacid.");
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                .until(() -> "answered".equals(callById(outbound).get("status")));
        ok("performCallAction", action("terminate", outbound, null), Map.of());
        assertThat(callById(outbound)).containsEntry("direction", "outbound").containsEntry("status", "completed");

        String rejected = ring("15550001111");
        ok("performCallAction", action("reject", rejected, null), Map.of());
        assertThat(callById(rejected)).containsEntry("status", "failed");

        List<Map<String, Object>> inboundCalls = (List<Map<String, Object>>) ok("listCalls", null,
                Map.of("CamelKapsoDirection", "inbound")).get("data");
        assertThat(inboundCalls).extracting(c -> c.get("call_id")).containsExactly(rejected, inbound);
        assertThat(call("listCalls", null, Map.of("CamelKapsoStatus", "busy")).getException()).hasMessageContaining("status");

        assertThat(call("performCallAction", action("accept", "wacid.UNKNOWN", ANSWER), Map.of()).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void permissionLookupsAreRateLimited() throws Exception {
        String otherNumber = "106540352249999";
        simulator.onLoop(() -> {
            var phones = simulator.context().state().store(io.github.camelkapso.simulator.state.Stores.PHONE_NUMBERS);
            return phones.put(phones.get(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID).orElseThrow().deepCopy().put("id", otherNumber));
        });
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest lookup = java.net.http.HttpRequest.newBuilder(java.net.URI.create(simulator.baseUrl()
                        + "/meta/whatsapp/v24.0/" + otherNumber + "/call_permissions?user_wa_id=15559990000"))
                .header("X-API-Key", SimulatorConfig.DEFAULT_API_KEY).build();
        java.net.http.HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = http.send(lookup, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("\"code\":613");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
    }
}
