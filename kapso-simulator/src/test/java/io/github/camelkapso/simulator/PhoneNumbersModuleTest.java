package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.PlatformRawHttp;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersModuleTest extends SimulatorTestBase {

    private record Emitted(String type, String phoneNumberId, ObjectNode payload) {
    }

    private final List<Emitted> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void captureEvents() {
        simulator.onLoop(() -> {
            simulator.context().setEvents((type, phone, conversation, payload) -> events.add(new Emitted(type, phone, payload)));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static String seededCustomerId() {
        List<Map<String, Object>> customers = (List<Map<String, Object>>) ok("listCustomers", null, Map.of()).get("data");
        return (String) customers.get(0).get("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void phoneNumberLifecycle() {
        String customerId = seededCustomerId();
        Map<String, Object> connect = Map.of("name", "Support Line", "phone_number_id", "1234567890123",
                "business_account_id", "98765432109", "access_token", "EAAB-secret", "calls_enabled", true);
        Map<String, Object> created = data(ok("connectPhoneNumber", connect, Map.of("CamelKapsoCustomerId", customerId)));
        assertThat(created).containsEntry("id", "1234567890123").containsEntry("phone_number_id", "1234567890123")
                .containsEntry("name", "Support Line").containsEntry("customer_id", customerId)
                .containsEntry("business_account_id", "98765432109").containsEntry("status", "CONNECTED")
                .containsEntry("calls_enabled", true).containsEntry("inbound_processing_enabled", true)
                .containsKeys("internal_id", "display_phone_number", "webhook_verified_at", "created_at")
                .doesNotContainKeys("access_token", "kind", "platform_type");

        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("whatsapp.phone_number.created");
            assertThat(e.phoneNumberId()).isNull();
            assertThat(e.payload().path("phone_number_id").asText()).isEqualTo("1234567890123");
            assertThat(e.payload().path("customer").path("id").asText()).isEqualTo(customerId);
            assertThat(e.payload().path("project").path("id").asText()).isNotEmpty();
        });

        Exchange duplicate = call("connectPhoneNumber", connect, Map.of("CamelKapsoCustomerId", customerId));
        assertThat(duplicate.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("409")
                .hasMessageContaining("already connected");
        Exchange notDigits = call("connectPhoneNumber", Map.of("name", "X", "phone_number_id", "abc", "business_account_id", "1",
                "access_token", "t"), Map.of("CamelKapsoCustomerId", customerId));
        assertThat(notDigits.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("phone_number_id");

        List<Map<String, Object>> all = (List<Map<String, Object>>) ok("listProjectPhoneNumbers", null, Map.of()).get("data");
        assertThat(all).extracting(p -> p.get("id")).containsExactly("1234567890123", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
        List<Map<String, Object>> filtered = (List<Map<String, Object>>) ok("listProjectPhoneNumbers", null,
                Map.of("CamelKapsoNameContains", "support", "CamelKapsoBusinessAccountId", "98765432109")).get("data");
        assertThat(filtered).hasSize(1);

        Map<String, String> id = Map.of("CamelKapsoPhoneNumberId", "1234567890123");
        assertThat(data(ok("getProjectPhoneNumber", null, Map.copyOf(id)))).containsEntry("name", "Support Line");

        Map<String, Object> updated = data(ok("updateProjectPhoneNumber", Map.of("name", "Sales Line", "calls_enabled", false),
                Map.copyOf(id)));
        assertThat(updated).containsEntry("name", "Sales Line").containsEntry("calls_enabled", false);
        Exchange rekey = call("updateProjectPhoneNumber", Map.of("phone_number_id", "555"), Map.copyOf(id));
        assertThat(rekey.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("sandbox");

        Map<String, Object> health = ok("checkPhoneNumberHealth", null, Map.copyOf(id));
        assertThat(health).containsEntry("status", "healthy").containsKeys("timestamp", "checks").doesNotContainKey("data");
        Map<String, Object> checks = (Map<String, Object>) health.get("checks");
        assertThat(checks).containsKeys("phone_number_access", "phone_number_connection", "messaging_health",
                "webhook_subscription", "webhook_verified");
        assertThat((Map<String, Object>) checks.get("phone_number_connection")).containsEntry("passed", true);

        ok("deleteProjectPhoneNumber", null, Map.copyOf(id));
        assertThat(call("getProjectPhoneNumber", null, Map.copyOf(id)).getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("whatsapp.phone_number.deleted");
            assertThat(e.payload().path("phone_number_id").asText()).isEqualTo("1234567890123");
        });
    }

    @Test
    void sandboxNumbersGetGeneratedIds() {
        Map<String, Object> created = data(ok("connectPhoneNumber", Map.of("name", "Test Number", "kind", "sandbox",
                "phone_number_id", "sandbox", "business_account_id", "sandbox", "access_token", "sandbox"),
                Map.of("CamelKapsoCustomerId", seededCustomerId())));
        assertThat((String) created.get("id")).matches("\\d+");
        assertThat((String) created.get("business_account_id")).matches("\\d+");
    }

    @Test
    void healthChecksCarryTheRateLimitCountersAndStopAtFivePerSecond() {
        String path = "/whatsapp/phone_numbers/" + SimulatorConfig.DEFAULT_PHONE_NUMBER_ID + "/health";
        PlatformRawHttp.Answer first = PlatformRawHttp.call(simulator, "GET", path, null);
        assertThat(first.status()).isIn(200, 429);
        assertThat(first.header("X-Health-RateLimit-Second-Limit")).isEqualTo("5");
        assertThat(first.header("X-Health-RateLimit-Minute-Limit")).isEqualTo("60");
        assertThat(first.header("X-Health-RateLimit-Minute-Remaining")).isNotNull();
        PlatformRawHttp.Answer last = first;
        for (int i = 0; i < 12 && last.status() != 429; i++) {
            last = PlatformRawHttp.call(simulator, "GET", path, null);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(last.json().path("error").asText()).isEqualTo("Rate limit exceeded");
    }
}
