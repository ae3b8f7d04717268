package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.Stores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboundTrafficGeneratorTest {

    @Test
    void generatesCustomerMessagesAtRoughlyTheConfiguredRate() {
        try (KapsoSimulator simulator = KapsoSimulator.start(SimulatorConfig.defaults().withTimeFactor(0.001).withTrafficRate(50))) {
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> inbound(simulator).size() >= 60);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<ObjectNode> messages = inbound(simulator);
            assertThat(messages.size() / seconds).as("messages per second").isGreaterThan(15);
            Set<String> senders = messages.stream().map(m -> m.path("from").asText()).collect(Collectors.toSet());
            assertThat(senders.size()).as("distinct customers").isGreaterThan(5);
            assertThat(messages).allSatisfy(m -> assertThat(m.path("kapso").path("phone_number_id").asText())
                    .isEqualTo(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID));
            Set<String> types = messages.stream().map(m -> m.path("type").asText()).collect(Collectors.toSet());
            assertThat(types).contains("text").containsAnyOf("interactive", "location", "image");
        }
    }

    @Test
    void isOffByDefault() {
        try (KapsoSimulator simulator = KapsoSimulator.start(SimulatorConfig.defaults())) {
            assertThat(simulator.config().trafficRate()).isZero();
            assertThat(inbound(simulator)).isEmpty();
        }
    }

    private static List<ObjectNode> inbound(KapsoSimulator simulator) {
        return simulator.onLoop(() -> simulator.context().state().store(Stores.MESSAGES).all().stream()
                .filter(m -> "inbound".equals(m.path("kapso").path("direction").asText()))
                .map(ObjectNode::deepCopy).toList());
    }
}
