package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.FunctionsModuleTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkflowsModuleTest extends SimulatorTestBase {

    private static final List<ObjectNode> PROJECT_EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void recordProjectEvents() {
        simulator.onLoop(() -> {
            SimEvents previous = simulator.context().events();
            simulator.context().setEvents((type, phone, conversation, payload) -> {
                if (phone == null) {
                    PROJECT_EVENTS.add(payload.deepCopy());
                }
                previous.emit(type, phone, conversation, payload);
            });
            return null;
        });
    }

    @Test
    void staleLockVersionIsAConflict() {
        Map<String, Object> wf = data(ok("createWorkflow", Map.of("name", "Lead qualification", "description", "Qualify leads"), Map.of()));
        String id = (String) wf.get("id");
        assertThat(wf).containsEntry("status", "draft").containsEntry("lock_version", 0).containsEntry("slug", "lead-qualification")
                .doesNotContainKey("definition");
        Map<String, Object> updated = data(ok("updateWorkflow", Map.of("description", "Qualify inbound leads", "lock_version", 0),
                Map.of("CamelKapsoWorkflowId", id)));
        assertThat(updated).containsEntry("lock_version", 1).containsEntry("description", "Qualify inbound leads");

        Exchange stale = call("updateWorkflow", Map.of("description", "Lost update", "lock_version", 0), Map.of("CamelKapsoWorkflowId", id));
        assertThat(stale.getException()).isInstanceOf(KapsoApiException.class);
        assertThat(((KapsoApiException) stale.getException()).getHttpStatus()).isEqualTo(409);
        assertThat(((KapsoApiException) stale.getException()).getErrorMessage()).contains("lock_version");
        assertThat(data(ok("getWorkflow", null, Map.of("CamelKapsoWorkflowId", id)))).containsEntry("description", "Qualify inbound leads");

        Exchange duplicate = call("createWorkflow", Map.of("name", "Lead qualification"), Map.of());
        assertThat(duplicate.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("workflow.name");

        assertThat(list(ok("listWorkflows", null, Map.of("CamelKapsoNameContains", "LEAD")).get("data")))
                .extracting(w -> w.get("id")).containsExactly(id);
        assertThat(list(ok("listWorkflows", null, Map.of("CamelKapsoStatus", "active")).get("data")))
                .extracting(w -> w.get("id")).doesNotContain(id);
    }

    @Test
    void executionStartsWaitsAndResumesToTheEnd() {
        String id = activeWorkflow("Support intake", List.of(
                node("start", "start", Map.of()),
                node("ask", "wait_for_response", Map.of("save_response_to", "answer")),
                node("remember", "set_variable", Map.of("variable_name", "greeting", "variable_value", "Hello {{vars.answer}}"))),
                List.of(edge("start", "ask"), edge("ask", "remember")));
        Map<String, Object> definition = data(ok("getWorkflowDefinition", null, Map.of("CamelKapsoWorkflowId", id)));
        assertThat(list(map(definition.get("definition")).get("edges"))).allSatisfy(e ->
                assertThat(e).containsEntry("label", "next").containsKey("id"));

        Exchange started = call("startWorkflowExecution", Map.of("phone_number", "+1 (415) 555-0101", "variables", Map.of("source", "test")),
                Map.of("CamelKapsoWorkflowId", id));
        assertThat(started.getException()).isNull();
        assertThat(started.getMessage().getHeader("CamelKapsoHttpStatus")).isEqualTo(202);
        Map<String, Object> accepted = data(started.getMessage().getBody(Map.class));
        assertThat(accepted).containsEntry("message", "Workflow execution initiated").containsEntry("workflow_id", id)
                .containsKeys("id", "tracking_id");
        String executionId = (String) accepted.get("id");

        await().atMost(Duration.ofSeconds(5)).until(() -> "waiting".equals(execution(executionId).get("status")));
        List<Map<String, Object>> listed = list(ok("listWorkflowExecutions", null, Map.of("CamelKapsoWorkflowId", id)).get("data"));
        assertThat(listed).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("id", executionId).containsEntry("status", "waiting").doesNotContainKey("execution_context");
            assertThat(map(e.get("current_step"))).containsEntry("identifier", "ask").containsEntry("stepable_type", "FlowWaitStep");
        });
        assertThat(list(ok("listWorkflowExecutions", null, Map.of("CamelKapsoWorkflowId", id, "CamelKapsoWaitingReason",
                "wait_for_response")).get("data"))).hasSize(1);
        assertThat(list(ok("listWorkflowExecutions", null, Map.of("CamelKapsoWorkflowId", id, "CamelKapsoStatus", "ended"))
                .get("data"))).isEmpty();
        Map<String, Object> legacy = ok("listWorkflowExecutions", null, Map.of("CamelKapsoWorkflowId", id,
                KapsoConstants.QUERY_PARAMETERS, Map.of("page", 1, "per_page", 10)));
        assertThat(map(legacy.get("meta"))).containsEntry("total_count", 1).containsEntry("per_page", 10);

        String conversationId = (String) listed.get(0).get("whatsapp_conversation_id");
        assertThat(conversationId).isNotNull();
        assertThat(list(ok("listConversationWorkflowExecutions", null, Map.of("CamelKapsoConversationId", conversationId)).get("data")))
                .extracting(e -> e.get("id")).containsExactly(executionId);

        Map<String, Object> resumed = data(ok("resumeWorkflowExecution", Map.of("message", Map.of("kind", "payload", "data", "Ana"),
                "variables", Map.of("lead_id", 123)), Map.of("CamelKapsoExecutionId", executionId)));
        assertThat(resumed).containsEntry("id", executionId).containsEntry("requested_execution_id", executionId)
                .containsEntry("status", "running");

        await().atMost(Duration.ofSeconds(5)).until(() -> "ended".equals(execution(executionId).get("status")));
        Map<String, Object> done = execution(executionId);
        assertThat(done.get("ended_at")).isNotNull();
        Map<String, Object> vars = map(map(done.get("execution_context")).get("vars"));
        assertThat(vars).containsEntry("answer", "Ana").containsEntry("lead_id", 123).containsEntry("greeting", "Hello Ana")
                .containsEntry("source", "test");
        assertThat(list(done.get("events"))).extracting(e -> e.get("event_type"))
                .startsWith("execution_started").contains("user_input_received").endsWith("execution_ended");

        List<Map<String, Object>> newest = list(ok("listWorkflowExecutionEvents", null,
                Map.of("CamelKapsoExecutionId", executionId, "CamelKapsoLimit", 2)).get("data"));
        assertThat(newest).hasSize(2).first().satisfies(e -> assertThat(e).containsEntry("event_type", "execution_ended"));
        assertThat(list(ok("listWorkflowExecutionEvents", null, Map.of("CamelKapsoExecutionId", executionId,
                "CamelKapsoEventType", "user_input_received")).get("data"))).hasSize(1);

        Map<String, Object> variables = data(ok("getWorkflowVariables", null, Map.of("CamelKapsoWorkflowId", id)));
        assertThat(list(map(variables.get("discovered")).get("vars"))).extracting(v -> v.get("path"))
                .contains("vars.answer", "vars.lead_id", "vars.greeting");
    }

    @Test
    void resumeRules() {
        String id = activeWorkflow("Resume rules", List.of(node("start", "start", Map.of()),
                node("wait", "wait_for_response", Map.of()), node("wait_again", "wait_for_response", Map.of())),
                List.of(edge("start", "wait"), edge("wait", "wait_again")));
        String executionId = start(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> "waiting".equals(execution(executionId).get("status")));
        ok("resumeWorkflowExecution", Map.of("message", Map.of("data", "yes")), Map.of("CamelKapsoExecutionId", executionId));
        await().atMost(Duration.ofSeconds(5)).until(() -> "waiting".equals(execution(executionId).get("status"))
                                                           && "wait_again".equals(map(execution(executionId).get("current_step")).get("identifier")));

        Map<String, Object> ended = data(ok("updateWorkflowExecutionStatus", Map.of("status", "ended"), Map.of("CamelKapsoExecutionId", executionId)));
        assertThat(ended).containsEntry("status", "ended").containsKey("error_details");
        Exchange invalid = call("updateWorkflowExecutionStatus", Map.of("status", "waiting"), Map.of("CamelKapsoExecutionId", executionId));
        assertThat(invalid.getException()).isInstanceOf(KapsoValidationException.class)
                .hasMessageContaining("Invalid transition from ended to waiting");
    }

    @Test
    void inactiveWorkflowsDoNotStartAndBurstsAreLimited() throws Exception {
        Map<String, Object> wf = data(ok("createWorkflow", Map.of("name", "Draft workflow"), Map.of()));
        Exchange draft = call("startWorkflowExecution", Map.of("phone_number", "+14155552671"), Map.of("CamelKapsoWorkflowId", wf.get("id")));
        assertThat(draft.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("not active");

        String id = activeWorkflow("Bursty", List.of(node("start", "start", Map.of())), List.of());
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(send(http, "POST", "/platform/v1/workflows/" + id + "/executions",
                    "{\"workflow_execution\":{\"phone_number\":\"+14155552671\"}}"));
        }
        assertThat(answers.get(0).statusCode()).isEqualTo(202);
        assertThat(answers.get(0).headers().firstValue("X-Burst-RateLimit-Limit")).hasValue("5");
        assertThat(answers.get(0).headers().firstValue("X-Burst-RateLimit-Remaining")).hasValue("4");
        HttpResponse<String> limited = answers.get(5);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.body()).contains("Burst rate limit exceeded");
    }

    @Test
    void handoffAndFailureEmitProjectEvents() {
        String handoffId = activeWorkflow("Handoff flow", List.of(node("start", "start", Map.of()),
                node("human", "handoff", Map.of("reason", "User requested human assistance"))), List.of(edge("start", "human")));
        String handedOff = start(handoffId);
        await().atMost(Duration.ofSeconds(5)).until(() -> "handoff".equals(execution(handedOff).get("status")));

        String failingId = activeWorkflow("Failing flow", List.of(node("start", "start", Map.of()),
                node("calc", "function", Map.of("function_id", "00000000-0000-0000-0000-000000000000"))), List.of(edge("start", "calc")));
        String failed = start(failingId);
        await().atMost(Duration.ofSeconds(5)).until(() -> "failed".equals(execution(failed).get("status")));
        assertThat(map(execution(failed).get("error_details"))).containsEntry("step_identifier", "calc");

        await().atMost(Duration.ofSeconds(5)).until(() -> PROJECT_EVENTS.size() >= 2);
        assertThat(PROJECT_EVENTS).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("workflow.execution.handoff");
            assertThat(e.path("workflow_execution_id").asText()).isEqualTo(handedOff);
            assertThat(e.path("handoff").path("reason").asText()).isEqualTo("User requested human assistance");
            assertThat(e.path("handoff").path("source").asText()).isEqualTo("action_step");
        });
        assertThat(PROJECT_EVENTS).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("workflow.execution.failed");
            assertThat(e.path("status").asText()).isEqualTo("failed");
            assertThat(e.path("workflow_id").asText()).isEqualTo(failingId);
            assertThat(e.path("error").path("message").asText()).contains("not found");
        });
    }

    @Test
    void triggersRoundTrip() {
        String id = (String) data(ok("createWorkflow", Map.of("name", "Triggered"), Map.of())).get("id");
        Map<String, Object> inbound = data(ok("createWorkflowTrigger", Map.of("trigger_type", "inbound_message",
                "phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID), Map.of("CamelKapsoWorkflowId", id)));
        assertThat(inbound).containsEntry("active", true).containsEntry("workflow_id", id)
                .containsEntry("triggerable", Map.of("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID));
        assertThat((String) inbound.get("display_name")).startsWith("WhatsApp: ");

        Exchange missingNumber = call("createWorkflowTrigger", Map.of("trigger_type", "inbound_message"), Map.of("CamelKapsoWorkflowId", id));
        assertThat(missingNumber.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("phone_number_id");

        Map<String, Object> paused = data(ok("updateWorkflowTrigger", Map.of("active", false), Map.of("CamelKapsoTriggerId", inbound.get("id"))));
        assertThat(paused).containsEntry("active", false);
        Exchange typeChange = call("updateWorkflowTrigger", Map.of("trigger_type", "api_call"), Map.of("CamelKapsoTriggerId", inbound.get("id")));
        assertThat(typeChange.getException()).isInstanceOf(KapsoValidationException.class);

        Exchange invalidReplace = call("replaceWorkflowTriggers", Map.of("triggers", List.of(Map.of("trigger_type", "api_call"),
                Map.of("trigger_type", "project_event", "event_name", "Not Snake"))), Map.of("CamelKapsoWorkflowId", id));
        assertThat(invalidReplace.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("triggers[1].event_name");
        assertThat(list(ok("listWorkflowTriggers", null, Map.of("CamelKapsoWorkflowId", id)).get("data")))
                .extracting(t -> t.get("id")).containsExactly(inbound.get("id"));

        List<Map<String, Object>> replaced = list(ok("replaceWorkflowTriggers", Map.of("triggers", List.of(Map.of("trigger_type", "api_call"),
                Map.of("trigger_type", "project_event", "event_name", "conversation.csat_scored", "property_key", "score",
                        "operator", "gte", "property_value", 4))), Map.of("CamelKapsoWorkflowId", id)).get("data"));
        assertThat(replaced).extracting(t -> t.get("trigger_type")).containsExactly("api_call", "project_event");
        assertThat(replaced.get(0)).containsEntry("display_name", "API Call Trigger");
        ok("deleteWorkflowTrigger", null, Map.of("CamelKapsoTriggerId", replaced.get(0).get("id")));
        assertThat(list(ok("listWorkflowTriggers", null, Map.of("CamelKapsoWorkflowId", id)).get("data"))).hasSize(1);
        assertThat(call("deleteWorkflowTrigger", null, Map.of("CamelKapsoTriggerId", replaced.get(0).get("id"))).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    private static String activeWorkflow(String name, List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        String id = (String) data(ok("createWorkflow", Map.of("name", name, "definition", Map.of("nodes", nodes, "edges", edges)),
                Map.of())).get("id");
        ok("updateWorkflow", Map.of("status", "active"), Map.of("CamelKapsoWorkflowId", id));
        return id;
    }

    private static String start(String workflowId) {
        return (String) data(ok("startWorkflowExecution", Map.of("phone_number", "+14155552671"),
                Map.of("CamelKapsoWorkflowId", workflowId))).get("id");
    }

    private static Map<String, Object> execution(String id) {
        return data(ok("getWorkflowExecution", null, Map.of("CamelKapsoExecutionId", id)));
    }

    /** A second resume while the first is still queued is 409: needs a simulator slow enough to see the queue. */
    @Test
    void aSecondResumeWhileOneIsPendingIsAConflict() {
        try (KapsoSimulator slow = KapsoSimulator.start(SimulatorConfig.defaults().withTimeFactor(0.2))) {
            HttpClient http = HttpClient.newHttpClient();
            String wf = json(send(http, slow, "POST", "/platform/v1/workflows", "{\"workflow\":{\"name\":\"Slow\",\"definition\":{"
                    + "\"nodes\":[{\"id\":\"start\",\"position\":{\"x\":0,\"y\":0},\"data\":{\"node_type\":\"start\",\"config\":{}}},"
                    + "{\"id\":\"wait\",\"position\":{\"x\":0,\"y\":0},\"data\":{\"node_type\":\"wait_for_response\",\"config\":{}}}],"
                    + "\"edges\":[{\"source\":\"start\",\"target\":\"wait\"}]}}}")).path("data").path("id").asText();
            send(http, slow, "PATCH", "/platform/v1/workflows/" + wf, "{\"workflow\":{\"status\":\"active\"}}");
            String ex = json(send(http, slow, "POST", "/platform/v1/workflows/" + wf + "/executions",
                    "{\"workflow_execution\":{\"phone_number\":\"+14155552671\"}}")).path("data").path("id").asText();
            HttpResponse<String> early = send(http, slow, "POST", "/platform/v1/workflow_executions/" + ex + "/resume",
                    "{\"message\":{\"data\":\"too early\"}}");
            assertThat(early.statusCode()).isEqualTo(422);
            assertThat(early.body()).contains("not waiting (status: running)");
            await().atMost(Duration.ofSeconds(5)).until(() -> "waiting".equals(json(send(http, slow, "GET",
                    "/platform/v1/workflow_executions/" + ex, "")).path("data").path("status").asText()));
            String resume = "/platform/v1/workflow_executions/" + ex + "/resume";
            assertThat(send(http, slow, "POST", resume, "{\"message\":{\"data\":\"first\"}}").statusCode()).isEqualTo(200);
            HttpResponse<String> second = send(http, slow, "POST", resume, "{\"message\":{\"data\":\"second\"}}");
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("already pending");
        }
    }

    private static Map<String, Object> node(String id, String type, Map<String, Object> config) {
        return Map.of("id", id, "position", Map.of("x", 0, "y", 0), "data", Map.of("node_type", type, "config", config));
    }

    private static Map<String, Object> edge(String source, String target) {
        return Map.of("source", source, "target", target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String path, String body) {
        return send(http, simulator, method, path, body);
    }

    private static HttpResponse<String> send(HttpClient http, KapsoSimulator target, String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                    .header("X-API-Key", SimulatorConfig.DEFAULT_API_KEY).header("Content-Type", "application/json")
                    .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
