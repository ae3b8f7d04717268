package io.github.camelkapso.hub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.hub.HubTestSupport.customerSays;
import static io.github.camelkapso.hub.HubTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once without duplicates: the events route fails on the first delivery of a message, the consumer answers
 * 500, the simulator retries as Kapso does, and exactly one row lands in H2.
 */
class WebhookRetryTest extends HubTestBase {


    @Test
    void failedRouteIsRetriedByKapsoAndLandsExactlyOneRow() throws Exception {
        AtomicInteger received = new AtomicInteger();
        AdviceWith.adviceWith(hub.camelContext(), "kapso-events", route -> route.weaveAddFirst().process(exchange -> {
            if ("whatsapp.message.received".equals(exchange.getMessage().getHeader("CamelKapsoEventType"))
                && received.incrementAndGet() == 1) {
                throw new IllegalStateException("simulated database outage");
            }
        }));
        customerSays(hub, "+15550108888", "first try fails");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(hub,
                "SELECT wamid FROM kapso_messages WHERE direction = 'inbound' AND contact = ?", "15550108888")).hasSize(1));
        assertThat(received.get()).isGreaterThanOrEqualTo(2);
        assertThat(rows(hub, "SELECT idempotency_key FROM kapso_events WHERE event_type = 'whatsapp.message.received'"
                             + " AND payload LIKE ?", "%first try fails%")).hasSize(1);

        List<Map<String, Object>> deliveries = deliveriesOf("whatsapp.message.received");
        assertThat(deliveries).anySatisfy(d -> {
            assertThat(((Number) d.get("attempt_count")).intValue()).isGreaterThanOrEqualTo(2);
            assertThat(d).containsEntry("status", "delivered");
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveriesOf(String event) {
        Map<String, Object> answer = hub.camelContext().createProducerTemplate()
                .requestBodyAndHeader("kapso:listWebhookDeliveries", null, "CamelKapsoEvent", event, Map.class);
        return (List<Map<String, Object>>) answer.get("data");
    }
}
