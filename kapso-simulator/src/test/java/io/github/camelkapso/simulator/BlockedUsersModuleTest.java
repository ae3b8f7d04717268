package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.meta.BlockList;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedUsersModuleTest extends SimulatorTestBase {

    private static void inbound(String from) {
        simulator.onLoop(() -> {
            ObjectNode content = SimState.object();
            content.put("type", "text");
            content.putObject("text").put("body", "hello");
            return Messaging.of(simulator.context()).receive(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, from, "Someone", content);
        });
    }

    private static Map<String, Object> users(String... users) {
        return Map.of("block_users", java.util.Arrays.stream(users).map(u -> Map.of("user", u)).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void blockListAndUnblock() {
        inbound("15557770001");
        inbound("15557770002");

        Map<String, Object> blocked = ok("blockUsers", users("+1 555 777 0001", "15557770002", "15550000404"), Map.of());
        assertThat(blocked).containsEntry("success", true);
        Map<String, Object> result = (Map<String, Object>) blocked.get("block_users");
        assertThat((List<Map<String, Object>>) result.get("added_users")).extracting(u -> u.get("wa_id"))
                .containsExactly("15557770001", "15557770002");
        assertThat((List<Map<String, Object>>) result.get("failed_users")).extracting(u -> u.get("wa_id")).containsExactly("15550000404");

        List<Map<String, Object>> list = (List<Map<String, Object>>) ok("listBlockedUsers", null, Map.of()).get("data");
        assertThat(list).extracting(u -> u.get("user")).containsExactly("15557770001", "15557770002");
        assertThat(simulator.onLoop(() -> BlockList.of(simulator.context()).isBlocked(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "+15557770001")))
                .isTrue();

        assertThat(ok("unblockUsers", users("15557770001"), Map.of())).containsEntry("success", true);
        list = (List<Map<String, Object>>) ok("listBlockedUsers", null, Map.of()).get("data");
        assertThat(list).extracting(u -> u.get("user")).containsExactly("15557770002");
    }

    @Test
    void usersWhoNeverWroteCannotBeBlocked() {
        assertThat(call("blockUsers", users("15550000999"), Map.of()).getException())
                .hasMessageContaining("139100");
        assertThat(call("blockUsers", Map.of("block_users", List.of()), Map.of()).getException()).hasMessageContaining("block_users");
    }
}
