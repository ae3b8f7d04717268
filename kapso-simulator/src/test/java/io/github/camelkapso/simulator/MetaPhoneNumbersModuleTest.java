package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.ops.meta.MetaPhoneNumbersModule;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetaPhoneNumbersModuleTest extends SimulatorTestBase {

    private static final String CODE = MetaPhoneNumbersModule.verificationCode(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);

    @Test
    @SuppressWarnings("unchecked")
    void readsTheNumberInGraphShape() {
        assertThat(ok("getPhoneNumber", null, Map.of())).containsEntry("id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID)
                .containsEntry("display_phone_number", "+1 555-010-0100").containsEntry("quality_rating", "GREEN")
                .containsKeys("verified_name", "code_verification_status", "platform_type", "throughput")
                .doesNotContainKeys("internal_id", "customer_id");
        assertThat(ok("getPhoneNumber", null, Map.of("CamelKapsoFields", "messaging_limit_tier,account_mode")))
                .containsOnlyKeys("id", "messaging_limit_tier", "account_mode")
                .containsEntry("messaging_limit_tier", "TIER_1K").containsEntry("account_mode", "LIVE");
        assertThat(call("getPhoneNumber", null, Map.of("CamelKapsoFields", "id,flavour")).getException())
                .hasMessageContaining("nonexisting field (flavour)");

        List<Map<String, Object>> numbers = (List<Map<String, Object>>) ok("listPhoneNumbers", null, Map.of()).get("data");
        assertThat(numbers).extracting(n -> n.get("id")).containsExactly(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
    }

    @Test
    void pinVerificationAndRegistration() {
        assertThat(call("updatePhoneNumberSettings", Map.of("pin", "12345"), Map.of()).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("pin");
        assertThat(ok("updatePhoneNumberSettings", Map.of("pin", "246810"), Map.of())).containsEntry("success", true);
        assertThat(ok("getPhoneNumber", null, Map.of("CamelKapsoFields", "is_pin_enabled"))).containsEntry("is_pin_enabled", true);

        assertThat(call("verifyCode", Map.of("code", CODE), Map.of()).getException()).hasMessageContaining("136025");
        assertThat(call("requestVerificationCode", Map.of("code_method", "PIGEON", "language", "en_US"), Map.of()).getException())
                .hasMessageContaining("code_method");
        assertThat(ok("requestVerificationCode", Map.of("code_method", "SMS", "language", "en_US"), Map.of())).containsEntry("success", true);
        assertThat(call("verifyCode", Map.of("code", "000000".equals(CODE) ? "111111" : "000000"), Map.of()).getException())
                .hasMessageContaining("136025");
        assertThat(ok("verifyCode", Map.of("code", CODE), Map.of())).containsEntry("success", true);
        assertThat(ok("getPhoneNumber", null, Map.of("CamelKapsoFields", "code_verification_status")))
                .containsEntry("code_verification_status", "VERIFIED");

        assertThat(call("registerPhoneNumber", Map.of("messaging_product", "whatsapp", "pin", "111111"), Map.of()).getException())
                .hasMessageContaining("133005");
        assertThat(ok("deregisterPhoneNumber", null, Map.of())).containsEntry("success", true);
        assertThat(ok("getPhoneNumber", null, Map.of("CamelKapsoFields", "status"))).containsEntry("status", "DISCONNECTED");
        assertThat(ok("registerPhoneNumber", Map.of("messaging_product", "whatsapp", "pin", "246810",
                "data_localization_region", "DE"), Map.of())).containsEntry("success", true);
        assertThat(ok("getPhoneNumber", null, Map.of("CamelKapsoFields", "status"))).containsEntry("status", "CONNECTED");
        assertThat(call("registerPhoneNumber", Map.of("messaging_product", "whatsapp", "pin", "246810",
                "data_localization_region", "Germany"), Map.of()).getException()).hasMessageContaining("data_localization_region");
    }

    @Test
    @SuppressWarnings("unchecked")
    void callingSettings() {
        Map<String, Object> initial = ok("getNumberSettings", null, Map.of());
        assertThat((Map<String, Object>) initial.get("calling")).containsEntry("status", "DISABLED");

        Map<String, Object> calling = Map.of("status", "ENABLED", "call_icon_visibility", "DEFAULT",
                "callback_permission_status", "ENABLED",
                "call_hours", Map.of("status", "ENABLED", "timezone_id", "Europe/Berlin",
                        "weekly_operating_hours", List.of(Map.of("day_of_week", "MONDAY", "open_time", "0900", "close_time", "1700"))),
                "sip", Map.of("status", "ENABLED", "servers", List.of(Map.of("hostname", "sip.example.com", "port", 5061))));
        assertThat(ok("updateNumberSettings", Map.of("calling", calling, "fallback_language", "en_US"), Map.of()))
                .containsEntry("success", true);

        Map<String, Object> read = ok("getNumberSettings", null, Map.of());
        Map<String, Object> readCalling = (Map<String, Object>) read.get("calling");
        assertThat(readCalling).containsEntry("status", "ENABLED").containsEntry("callback_permission_status", "ENABLED");
        assertThat(read).containsEntry("fallback_language", "en_US");
        Map<String, Object> server = ((List<Map<String, Object>>) ((Map<String, Object>) readCalling.get("sip")).get("servers")).get(0);
        assertThat(server).containsEntry("hostname", "sip.example.com").doesNotContainKey("sip_user_password");

        Map<String, Object> withCredentials = ok("getNumberSettings", null, Map.of("CamelKapsoIncludeSipCredentials", true));
        Map<String, Object> sip = (Map<String, Object>) ((Map<String, Object>) withCredentials.get("calling")).get("sip");
        assertThat(((List<Map<String, Object>>) sip.get("servers")).get(0)).containsKey("sip_user_password");

        assertThat(call("updateNumberSettings", Map.of("calling", Map.of("call_hours", Map.of("status", "DISABLED",
                "weekly_operating_hours", List.of(Map.of("day_of_week", "FUNDAY", "open_time", "0900", "close_time", "1700"))))), Map.of())
                .getException()).hasMessageContaining("day_of_week");
        assertThat(call("updateNumberSettings", Map.of("calling", Map.of("call_hours", Map.of("status", "DISABLED",
                "weekly_operating_hours", List.of(Map.of("day_of_week", "MONDAY", "open_time", "1800", "close_time", "0900"))))), Map.of())
                .getException()).hasMessageContaining("before");
    }
}
