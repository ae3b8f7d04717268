package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DisplayNamesModuleTest extends SimulatorTestBase {

    private static final Map<String, Object> NUMBER = Map.of("CamelKapsoPhoneNumberId", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);

    private static Map<String, Object> request(String id) {
        return data(ok("getDisplayNameRequest", null, Map.of("CamelKapsoPhoneNumberId", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID,
                "CamelKapsoRequestId", id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestIsReviewedApprovedAndApplied() {
        Map<String, Object> submitted = data(ok("submitDisplayNameRequest", Map.of("new_display_name", "Acme Support"), NUMBER));
        String id = (String) submitted.get("id");
        assertThat(submitted).containsEntry("status", "pending_review").containsEntry("requested_display_name", "Acme Support")
                .containsEntry("previous_display_name", "Kapso Simulator").containsEntry("reviewed_at", null)
                .containsEntry("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);

        Map<String, Object> list = ok("listDisplayNameRequests", null, NUMBER);
        assertThat((List<Map<String, Object>>) list.get("data")).extracting(r -> r.get("id")).contains(id);
        assertThat((Map<String, Object>) list.get("meta")).containsEntry("current_page", 1).containsKeys("total_pages",
                "total_count", "per_page");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(request(id)).containsEntry("status", "approved"));
        assertThat(request(id).get("reviewed_at")).isNotNull();
        assertThat(request(id).get("applied_at")).isNotNull();
        assertThat(data(ok("getProjectPhoneNumber", null, NUMBER))).containsEntry("display_name", "Acme Support")
                .containsEntry("verified_name", "Acme Support");
    }

    @Test
    void namesBreakingTheGuidelinesAreDeclined() {
        String id = (String) data(ok("submitDisplayNameRequest", Map.of("new_display_name", "Acme WhatsApp Desk"), NUMBER)).get("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(request(id)).containsEntry("status", "declined")
                .containsEntry("meta_error_code", 100).containsEntry("applied_at", null));
    }

    @Test
    void rulesOfTheRequest() {
        Exchange tooLong = call("submitDisplayNameRequest", Map.of("new_display_name", "x".repeat(257)), NUMBER);
        assertThat(tooLong.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("256");
        Exchange unknownNumber = call("submitDisplayNameRequest", Map.of("new_display_name", "Acme"),
                Map.of("CamelKapsoPhoneNumberId", "999999999"));
        assertThat(unknownNumber.getException()).isInstanceOf(KapsoNotFoundException.class);
        Exchange unknownRequest = call("getDisplayNameRequest", null, Map.of("CamelKapsoPhoneNumberId",
                SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "CamelKapsoRequestId", "2b0f4a1e-7a58-4a15-b0c9-0d7f1a2b3c4d"));
        assertThat(unknownRequest.getException()).isInstanceOf(KapsoNotFoundException.class);
    }
}
