package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.PlatformRawHttp;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FindingsModuleTest extends SimulatorTestBase {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listed() {
        return (List<Map<String, Object>>) ok("listFindings", null, Map.of()).get("data");
    }

    private static Map<String, Object> finding(String id) {
        return data(ok("getFinding", null, Map.of("CamelKapsoFindingId", id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void investigateAddressAndDismiss() {
        List<Map<String, Object>> findings = listed();
        assertThat(findings).extracting(f -> f.get("signal_name"))
                .containsExactly("conversation.user_frustrated", "conversation.handoff_requested");
        Map<String, Object> open = findings.get(0);
        Map<String, Object> candidate = findings.get(1);
        assertThat((Map<String, Object>) open.get("investigation")).containsEntry("status", "completed")
                .containsEntry("cause_title", "Checkout step asks for the order number twice");
        assertThat(candidate).containsEntry("investigation", null).containsEntry("status", "candidate");

        String openId = (String) open.get("id");
        Exchange again = call("startFindingInvestigation", null, Map.of("CamelKapsoFindingId", openId));
        assertThat(again.getException()).isInstanceOf(KapsoValidationException.class);
        assertThat(data(ok("markFindingAddressed", null, Map.of("CamelKapsoFindingId", openId)))).containsEntry("status", "monitoring");
        assertThat((Map<String, Object>) finding(openId).get("verification")).containsEntry("status", "monitoring")
                .containsEntry("trigger_type", "manual");

        String candidateId = (String) candidate.get("id");
        Exchange notInvestigated = call("markFindingAddressed", null, Map.of("CamelKapsoFindingId", candidateId));
        assertThat(notInvestigated.getException()).isInstanceOf(KapsoValidationException.class)
                .hasMessageContaining("Only completed investigations");
        Map<String, Object> accepted = data(ok("startFindingInvestigation", null, Map.of("CamelKapsoFindingId", candidateId)));
        assertThat(accepted).containsEntry("finding_id", candidateId).containsEntry("status", "queued").containsKey("investigation_id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((Map<String, Object>) finding(candidateId).get("investigation"))
                .containsEntry("status", "completed").containsEntry("id", accepted.get("investigation_id")));
        Map<String, Object> result = (Map<String, Object>) ((Map<String, Object>) finding(candidateId).get("investigation")).get("result");
        assertThat((List<?>) result.get("causes")).isNotEmpty();

        Map<String, Object> evidence = data(ok("getFindingEvidence", null, Map.of("CamelKapsoFindingId", candidateId)));
        assertThat((Map<String, Object>) evidence.get("finding")).containsEntry("id", candidateId);
        assertThat(evidence).containsKeys("coverage", "daily_history", "source_events", "affected_conversation_ids");

        assertThat(data(ok("dismissFinding", Map.of("reason", "already_fixed", "note", "Fixed in 2.4"),
                Map.of("CamelKapsoFindingId", candidateId)))).containsEntry("status", "dismissed");
        assertThat(listed()).extracting(f -> f.get("id")).containsExactly(openId);
        assertThat(finding(candidateId)).containsEntry("id", candidateId);
    }

    @Test
    void errorsCarryTheFindingsCodes() {
        PlatformRawHttp.Answer missing = PlatformRawHttp.call(simulator, "GET", "/findings/8f14e45f-ceea-467a-9e1a-1b2c3d4e5f60", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asText()).isEqualTo("finding_not_found");
        assertThat(call("getFinding", null, Map.of("CamelKapsoFindingId", "8f14e45f-ceea-467a-9e1a-1b2c3d4e5f60")).getException())
                .isInstanceOf(KapsoNotFoundException.class);
        PlatformRawHttp.Answer badLimit = PlatformRawHttp.call(simulator, "GET", "/findings?limit=26", null);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().path("error").asText()).isEqualTo("Invalid limit parameter");
        PlatformRawHttp.Answer page = PlatformRawHttp.call(simulator, "GET", "/findings?limit=1", null);
        assertThat(page.json().path("data")).hasSize(1);
        assertThat(page.json().path("paging").path("next").asText()).isNotEmpty();
        assertThat(page.json().path("paging").path("cursors").has("after")).isTrue();
    }
}
