package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.FunctionsModuleTest.list;
import static io.github.camelkapso.simulator.FunctionsModuleTest.map;
import static org.assertj.core.api.Assertions.assertThat;

class VoiceAgentsModuleTest extends SimulatorTestBase {

    private static final Map<String, Object> PROVIDER = Map.of("public_api_key", "pk_live_abc123", "private_api_key", "sk_live_xyz789",
            "agent_name", "support-agent-v1");

    @Test
    void voiceAgentRoundTrip() {
        Exchange created = call("createVoiceAgent", Map.of("name", "Support voice", "provider_type", "pipecat", "provider", PROVIDER), Map.of());
        assertThat(created.getMessage().getBody(String.class)).doesNotContain("sk_live_xyz789").doesNotContain("pk_live_abc123");
        Map<String, Object> agent = data(created.getMessage().getBody(Map.class));
        String id = (String) agent.get("id");
        assertThat(map(agent.get("provider"))).isEqualTo(Map.of("type", "pipecat_provider", "kind", "pipecat",
                "agent_name", "support-agent-v1"));
        Exchange noKey = call("createVoiceAgent", Map.of("name", "Broken", "provider_type", "pipecat",
                "provider", Map.of("agent_name", "x")), Map.of());
        assertThat(noKey.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("voice_agent.provider.public_api_key");

        Map<String, Object> updated = data(ok("updateVoiceAgent", Map.of("name", "Support voice v2", "provider", Map.of("agent_name",
                "support-agent-v2")), Map.of("CamelKapsoVoiceAgentId", id)));
        assertThat(updated).containsEntry("name", "Support voice v2");
        assertThat(map(updated.get("provider"))).containsEntry("agent_name", "support-agent-v2");

        Map<String, Object> page = ok("listVoiceAgents", null, Map.of("CamelKapsoProviderType", "pipecat", "CamelKapsoPerPage", 10));
        assertThat(list(page.get("data"))).extracting(a -> a.get("id")).first().as("newest first").isEqualTo(id);
        assertThat(map(page.get("meta"))).containsEntry("total_count", list(page.get("data")).size()).containsEntry("per_page", 10);
        assertThat(list(ok("listVoiceAgents", null, Map.of("CamelKapsoProviderType", "other")).get("data"))).isEmpty();
        assertThat(data(ok("getVoiceAgent", null, Map.of("CamelKapsoVoiceAgentId", id)))).containsEntry("name", "Support voice v2");

        ok("deleteVoiceAgent", null, Map.of("CamelKapsoVoiceAgentId", id));
        assertThat(call("getVoiceAgent", null, Map.of("CamelKapsoVoiceAgentId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void phoneNumberAssignments() {
        String agent = (String) data(ok("createVoiceAgent", Map.of("name", "Sales voice", "provider", PROVIDER), Map.of())).get("id");
        String other = (String) data(ok("createVoiceAgent", Map.of("name", "Other voice", "provider", PROVIDER), Map.of())).get("id");
        Exchange unknown = call("assignVoiceAgentPhoneNumber", Map.of("phone_number_id", "123"), Map.of("CamelKapsoVoiceAgentId", agent));
        assertThat(unknown.getException()).isInstanceOf(KapsoNotFoundException.class);

        Map<String, Object> assignment = data(ok("assignVoiceAgentPhoneNumber", Map.of("phone_number_id",
                SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "is_primary", true), Map.of("CamelKapsoVoiceAgentId", agent)));
        assertThat(assignment).containsEntry("voice_agent_id", agent).containsEntry("is_primary", true).containsEntry("enabled", true)
                .containsEntry("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
        String assignmentId = (String) assignment.get("id");
        assertThat(assignmentId).isNotEqualTo(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
        Exchange taken = call("assignVoiceAgentPhoneNumber", Map.of("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID),
                Map.of("CamelKapsoVoiceAgentId", other));
        assertThat(taken.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("already assigned");

        assertThat(data(ok("updateVoiceAgentPhoneNumberAssignment", Map.of("enabled", false),
                Map.of("CamelKapsoVoiceAgentId", agent, "CamelKapsoAssignmentId", assignmentId)))).containsEntry("enabled", false);
        assertThat(call("updateVoiceAgentPhoneNumberAssignment", Map.of("enabled", true),
                Map.of("CamelKapsoVoiceAgentId", other, "CamelKapsoAssignmentId", assignmentId)).getException())
                .as("an assignment is only reachable under its agent").isInstanceOf(KapsoNotFoundException.class);
        List<Map<String, Object>> listed = list(ok("listVoiceAgentPhoneNumbers", null, Map.of("CamelKapsoVoiceAgentId", agent)).get("data"));
        assertThat(listed).singleElement().satisfies(a -> assertThat(a).containsEntry("id", assignmentId).containsEntry("enabled", false));

        ok("deleteVoiceAgentPhoneNumberAssignment", null, Map.of("CamelKapsoVoiceAgentId", agent, "CamelKapsoAssignmentId", assignmentId));
        assertThat(list(ok("listVoiceAgentPhoneNumbers", null, Map.of("CamelKapsoVoiceAgentId", agent)).get("data"))).isEmpty();
        assertThat(data(ok("assignVoiceAgentPhoneNumber", Map.of("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID),
                Map.of("CamelKapsoVoiceAgentId", other)))).containsEntry("is_primary", false);
    }
}
