package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.Stores;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsernamesModuleTest extends SimulatorTestBase {

    private static final String SECOND_NUMBER = "106540352240000";

    private static void addSecondNumber() {
        simulator.onLoop(() -> {
            var phones = simulator.context().state().store(Stores.PHONE_NUMBERS);
            ObjectNode copy = phones.get(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID).orElseThrow().deepCopy();
            copy.put("id", SECOND_NUMBER);
            copy.put("phone_number_id", SECOND_NUMBER);
            return phones.put(copy);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimReadTransferAndDelete() {
        assertThat(ok("getUsername", null, Map.of())).isEmpty();

        List<Map<String, Object>> data = (List<Map<String, Object>>) ok("getUsernameSuggestions", null, Map.of()).get("data");
        List<String> suggestions = (List<String>) data.get(0).get("username_suggestions");
        assertThat(suggestions).contains("kapso_simulator", "kapsosimulator");

        assertThat(ok("setUsername", Map.of("username", "kapso_simulator"), Map.of())).containsEntry("status", "reserved");
        assertThat(ok("getUsername", null, Map.of())).containsEntry("username", "kapso_simulator").containsEntry("status", "reserved");

        addSecondNumber();
        assertThat(call("setUsername", Map.of("username", "Kapso_Simulator"), Map.of("CamelKapsoPhoneNumberId", SECOND_NUMBER))
                .getException()).hasMessageContaining("147005");
        assertThat(ok("setUsername", Map.of("username", "kapso_simulator", "transfer_action", "force_transfer"),
                Map.of("CamelKapsoPhoneNumberId", SECOND_NUMBER))).containsEntry("status", "reserved");
        assertThat(ok("getUsername", null, Map.of())).containsOnlyKeys("status").containsEntry("status", "deleted");

        assertThat(ok("deleteUsername", null, Map.of("CamelKapsoPhoneNumberId", SECOND_NUMBER))).containsEntry("success", true);
        assertThat(ok("getUsername", null, Map.of("CamelKapsoPhoneNumberId", SECOND_NUMBER))).containsEntry("status", "deleted");
    }

    @Test
    void formatRules() {
        for (String bad : List.of("ab", "x".repeat(36), "1234", ".kapso", "kapso.", "kap..so", "wwwkapso", "kapso.com", "kapso-sim", "kapsö")) {
            assertThat(call("setUsername", Map.of("username", bad), Map.of()).getException()).as(bad).hasMessageContaining("username");
        }
        assertThat(call("setUsername", Map.of("username", "my_whatsapp_shop"), Map.of()).getException()).hasMessageContaining("147001");
    }
}
