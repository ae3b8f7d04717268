package io.github.camelkapso.hub;

import java.time.Duration;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.simulator.SimulatorConfig;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.hub.HubTestSupport.customerSays;
import static io.github.camelkapso.hub.HubTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub end to end on the embedded simulator: the kapso: producer sends, the simulator moves the message through its
 * statuses and delivers signed webhooks, the webhook consumer verifies them, and the rows land in H2.
 */
class HubEndToEndTest extends HubTestBase {


    @Test
    void sentMessageAndItsStatusesLandInH2() {
        ProducerTemplate template = hub.camelContext().createProducerTemplate();
        Exchange sent = template.send("kapso:sendMessage", ex -> ex.getMessage().setBody(Map.of(
                "messaging_product", "whatsapp", "to", "15550104321", "type", "template",
                "template", Map.of("name", "order_update", "language", Map.of("code", "en_US"),
                        "components", java.util.List.of(Map.of("type", "body", "parameters", java.util.List.of(
                                Map.of("type", "text", "text", "Ana"), Map.of("type", "text", "text", "A-1001"))))))));
        assertThat(sent.getException()).isNull();
        String wamid = sent.getMessage().getHeader(KapsoConstants.MESSAGE_ID, String.class);
        assertThat(wamid).startsWith("wamid.");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(hub,
                "SELECT direction, status, contact, phone_number_id FROM kapso_messages WHERE wamid = ?", wamid))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("DIRECTION", "outbound").containsEntry("STATUS", "read")
                            .containsEntry("CONTACT", "15550104321")
                            .containsEntry("PHONE_NUMBER_ID", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
                }));
        assertThat(rows(hub, "SELECT event_type FROM kapso_events WHERE message_id = ? ORDER BY event_type", wamid))
                .extracting(r -> r.get("EVENT_TYPE"))
                .containsExactly("whatsapp.message.delivered", "whatsapp.message.read", "whatsapp.message.sent");
    }

    @Test
    void inboundTextIsStoredAndAnsweredAutomatically() throws Exception {
        customerSays(hub, "+15550107777", "Where is my order?");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(rows(hub, "SELECT text_content, conversation_id FROM kapso_messages WHERE direction = 'inbound' AND contact = ?",
                    "15550107777")).singleElement().satisfies(r -> assertThat(r).containsEntry("TEXT_CONTENT", "Where is my order?"));
            assertThat(rows(hub, "SELECT text_content, status FROM kapso_messages WHERE direction = 'outbound' AND contact = ?",
                    "15550107777")).singleElement().satisfies(r -> {
                        assertThat((String) r.get("TEXT_CONTENT")).contains("Where is my order?");
                        assertThat(r).containsEntry("STATUS", "read");
                    });
        });
        assertThat(rows(hub, "SELECT status FROM kapso_conversations WHERE contact = ?", "15550107777"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("STATUS", "active"));
    }
}
