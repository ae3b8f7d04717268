package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.FunctionsModuleTest.list;
import static io.github.camelkapso.simulator.FunctionsModuleTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KapsoAgentModuleTest extends SimulatorTestBase {

    @Test
    void modesSayWhichAcceptApiRuns() {
        assertThat(list(ok("listAgentModes", null, Map.of()).get("data"))).extracting(m -> m.get("mode"))
                .contains("api", "findings-investigator", "support-triage");
        assertThat(data(ok("getAgentMode", null, Map.of("CamelKapsoMode", "api")))).containsEntry("kind", "builtin")
                .containsEntry("available_invocations", List.of("ui", "api"));
        Exchange uiOnly = call("createAgentRun", Map.of("mode", "builder", "input", Map.of("prompt", "Build a workflow")), Map.of());
        assertThat(uiOnly.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("cannot be triggered");
        assertThat(call("createAgentRun", Map.of("mode", "nope", "input", Map.of("prompt", "x")), Map.of()).getException())
                .isInstanceOf(KapsoNotFoundException.class);
        assertThat(call("createAgentRun", Map.of("mode", "api", "input", Map.of()), Map.of()).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("input.prompt");
    }

    @Test
    void runCompletesAndContinuesItsSession() {
        Exchange created = call("createAgentRun", Map.of("mode", "api", "input", Map.of("prompt", "How many conversations today?")), Map.of());
        assertThat(created.getMessage().getHeader("CamelKapsoHttpStatus")).isEqualTo(202);
        Map<String, Object> run = data(created.getMessage().getBody(Map.class));
        assertThat(run).containsEntry("status", "queued").containsEntry("kind", "ask").containsEntry("mode", "api")
                .containsEntry("title", "How many conversations today?");
        String runId = (String) run.get("run_id");
        await().atMost(Duration.ofSeconds(5)).until(() -> "completed".equals(run(runId).get("status")));
        assertThat(map(run(runId).get("result"))).containsEntry("type", "message").containsKey("content");

        String session = (String) run.get("conversation_id");
        Map<String, Object> next = data(ok("createAgentRun", Map.of("mode", "api", "conversation_id", session,
                "input", Map.of("prompt", "And yesterday?")), Map.of()));
        assertThat(next).containsEntry("kind", "continue").containsEntry("conversation_id", session);

        Map<String, Object> detail = ok("getAgentSession", null, Map.of("CamelKapsoId", session));
        Map<String, Object> body = data(detail);
        assertThat(map(body.get("session"))).containsEntry("run_count", 2).containsEntry("conversation_id", session);
        assertThat(list(body.get("runs"))).extracting(r -> r.get("run_id")).containsExactly(next.get("run_id"), runId);
        assertThat(list(body.get("runs"))).allSatisfy(r -> assertThat(r).containsEntry("result", null));
        Map<String, Object> legacy = ok("listAgentModeSessions", null, Map.of("CamelKapsoMode", "api"));
        assertThat(list(legacy.get("data"))).extracting(s -> s.get("conversation_id")).contains(session);
        assertThat(map(legacy.get("meta"))).containsEntry("page", 1).containsEntry("has_next", false).containsKey("total_count");
        Map<String, Object> cursor = ok("listAgentModeSessions", null, Map.of("CamelKapsoMode", "api", "CamelKapsoLimit", 1));
        assertThat(list(cursor.get("data"))).hasSize(1);
        assertThat(cursor).containsKey("paging").doesNotContainKey("meta");
        assertThat(call("listAgentModeSessions", null, Map.of("CamelKapsoMode", "api", "CamelKapsoPage", 51)).getException())
                .isInstanceOf(KapsoApiException.class).hasMessageContaining("legacy_offset_pagination_limit_exceeded");
        assertThat(call("listAgentModeSessions", null, Map.of("CamelKapsoMode", "nope")).getException())
                .isInstanceOf(KapsoValidationException.class);
        assertThat(call("getAgentSession", null, Map.of("CamelKapsoId", "00000000-0000-0000-0000-000000000000")).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void pauseResumeCancelAndTheWrongMoves() {
        String runId = waitingForApproval();
        Map<String, Object> paused = data(ok("pauseAgentRun", null, Map.of("CamelKapsoId", runId)));
        assertThat(paused).containsEntry("status", "paused");
        assertThat(paused.get("paused_at")).isNotNull();
        assertConflict(call("pauseAgentRun", null, Map.of("CamelKapsoId", runId)));
        assertThat(data(ok("resumeAgentRun", null, Map.of("CamelKapsoId", runId)))).containsEntry("status", "waiting_for_approval");
        assertConflict(call("resumeAgentRun", null, Map.of("CamelKapsoId", runId)));
        Map<String, Object> cancelled = data(ok("cancelAgentRun", null, Map.of("CamelKapsoId", runId)));
        assertThat(cancelled).containsEntry("status", "cancelled").containsEntry("pending_approval", null);
        assertThat(cancelled.get("finished_at")).isNotNull();
        assertConflict(call("cancelAgentRun", null, Map.of("CamelKapsoId", runId)));
        assertConflict(call("pauseAgentRun", null, Map.of("CamelKapsoId", runId)));
    }

    @Test
    void approvalsDecideTheToolCall() {
        String approved = waitingForApproval();
        String approvalId = (String) map(run(approved).get("pending_approval")).get("id");
        assertThat(call("approveAgentRunTool", null, Map.of("CamelKapsoId", approved, "CamelKapsoApprovalId",
                "00000000-0000-0000-0000-000000000000")).getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(data(ok("approveAgentRunTool", null, Map.of("CamelKapsoId", approved, "CamelKapsoApprovalId", approvalId))))
                .containsEntry("status", "running").containsEntry("pending_approval", null);
        assertConflict(call("rejectAgentRunTool", null, Map.of("CamelKapsoId", approved, "CamelKapsoApprovalId", approvalId)));
        await().atMost(Duration.ofSeconds(5)).until(() -> "completed".equals(run(approved).get("status")));

        String rejected = waitingForApproval();
        String second = (String) map(run(rejected).get("pending_approval")).get("id");
        ok("rejectAgentRunTool", null, Map.of("CamelKapsoId", rejected, "CamelKapsoApprovalId", second));
        await().atMost(Duration.ofSeconds(5)).until(() -> "completed".equals(run(rejected).get("status")));
        assertThat((String) map(run(rejected).get("result")).get("content")).contains("rejected");
    }

    private static String waitingForApproval() {
        String runId = (String) data(ok("createAgentRun", Map.of("mode", "support-triage",
                "input", Map.of("prompt", "Reply to the latest complaint")), Map.of())).get("run_id");
        await().atMost(Duration.ofSeconds(5)).until(() -> "waiting_for_approval".equals(run(runId).get("status")));
        assertThat(map(run(runId).get("pending_approval"))).containsEntry("tool_name", "send_whatsapp_message")
                .containsEntry("status", "pending");
        return runId;
    }

    private static Map<String, Object> run(String id) {
        return data(ok("getAgentRun", null, Map.of("CamelKapsoId", id)));
    }

    private static void assertConflict(Exchange ex) {
        assertThat(ex.getException()).isInstanceOf(KapsoApiException.class);
        assertThat(((KapsoApiException) ex.getException()).getHttpStatus()).isEqualTo(409);
    }
}
