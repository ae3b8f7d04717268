package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoErrorCategory;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.support.MessagingFixtures.admin;
import static io.github.camelkapso.simulator.support.MessagingFixtures.inbound;
import static io.github.camelkapso.simulator.support.MessagingFixtures.orderUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ContactsModuleTest extends SimulatorTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void platformContactRoundTrip() {
        String customer = (String) data(ok("createCustomer", Map.of("name", "Contacts Co", "external_customer_id", "contacts-co"), Map.of())).get("id");

        Map<String, Object> created = data(ok("createContact", Map.of("wa_id", "+1 555-444-0001", "profile_name", "Mia",
                "metadata", Map.of("tier", "gold")), Map.of()));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("wa_id", "15554440001").containsEntry("profile_name", "Mia")
                .containsEntry("metadata", Map.of("tier", "gold")).containsEntry("customer_id", null).containsKey("business_scoped_user_id");

        Exchange duplicate = call("createContact", Map.of("wa_id", "15554440001"), Map.of());
        assertThat(duplicate.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("already been taken");

        assertThat(data(ok("getProjectContact", null, Map.of("CamelKapsoIdentifier", id)))).containsEntry("profile_name", "Mia");
        assertThat(data(ok("getProjectContact", null, Map.of("CamelKapsoIdentifier", "+15554440001")))).containsEntry("id", id);

        Map<String, Object> updated = data(ok("updateProjectContact", Map.of("display_name", "Mia (VIP)", "customer_id", customer,
                "metadata", Map.of("tier", "platinum")), Map.of("CamelKapsoIdentifier", id)));
        assertThat(updated).containsEntry("display_name", "Mia (VIP)").containsEntry("customer_id", customer)
                .containsEntry("metadata", Map.of("tier", "platinum"));

        Exchange noCustomer = call("updateProjectContact", Map.of("customer_id", "00000000-0000-0000-0000-000000000000"),
                Map.of("CamelKapsoIdentifier", id));
        assertThat(noCustomer.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("customer_id");

        assertThat((List<Map<String, Object>>) ok("listProjectContacts", null, Map.of("CamelKapsoCustomerExternalId", "contacts-co")).get("data"))
                .extracting(c -> c.get("id")).containsExactly(id);
        assertThat((List<Map<String, Object>>) ok("listProjectContacts", null, Map.of("CamelKapsoProfileNameContains", "MI",
                "CamelKapsoHasCustomer", true)).get("data")).extracting(c -> c.get("id")).containsExactly(id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void metaContactRoundTrip() {
        inbound(simulator, "15554440002", "Noor", "Hello");

        Map<String, Object> contact = ok("getContact", null, Map.of("CamelKapsoWaId", "15554440002"));
        assertThat(contact).containsEntry("wa_id", "15554440002").containsEntry("profile_name", "Noor").doesNotContainKey("customer_id");

        assertThat(ok("updateContact", Map.of("display_name", "Noor B.", "metadata", Map.of("lang", "ar")), Map.of("CamelKapsoWaId", "15554440002")))
                .isEqualTo(Map.of("success", true));
        assertThat(ok("getContact", null, Map.of("CamelKapsoWaId", "15554440002"))).containsEntry("display_name", "Noor B.")
                .containsEntry("metadata", Map.of("lang", "ar"));

        Exchange nothing = call("updateContact", Map.of("unknown", 1), Map.of("CamelKapsoWaId", "15554440002"));
        assertThat(nothing.getException()).isInstanceOf(KapsoValidationException.class);

        assertThat((List<Map<String, Object>>) ok("listContacts", null, Map.of("CamelKapsoWaId", "+1 555 444 0002")).get("data"))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("display_name", "Noor B."));
        assertThat(call("getContact", null, Map.of("CamelKapsoWaId", "15554449999")).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void legacyPagesAreCapped() {
        for (int i = 0; i < 3; i++) {
            ok("createContact", Map.of("wa_id", "1555444010" + i, "profile_name", "Legacy " + i), Map.of());
        }
        Exchange page = call("listProjectContacts", null, Map.of("CamelKapsoPage", 1, "CamelKapsoPerPage", 2,
                "CamelKapsoProfileNameContains", "legacy"));
        Map<String, Object> body = page.getMessage().getBody(Map.class);
        assertThat((List<?>) body.get("data")).hasSize(2);
        assertThat((Map<String, Object>) body.get("meta")).containsEntry("total_count", 3).containsEntry("total_pages", 2);

        Exchange tooFar = call("listProjectContacts", null, Map.of("CamelKapsoPage", 51, "CamelKapsoPerPage", 10));
        assertThat(tooFar.getException()).isInstanceOf(KapsoValidationException.class);
        KapsoApiException e = (KapsoApiException) tooFar.getException();
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getResponseBody()).contains("legacy_offset_pagination_limit_exceeded").contains("\"requested_window\":510")
                .contains("\"max_page\":50");
    }

    @Test
    @SuppressWarnings("unchecked")
    void erasureRemovesTheContactAndItsHistory() {
        String conversation = inbound(simulator, "15554440003", "Omar", "Forget me").path("kapso").path("whatsapp_conversation_id").asText();

        Exchange erased = call("eraseContact", null, Map.of("CamelKapsoIdentifier", "15554440003"));
        assertThat(erased.getException()).isNull();
        assertThat(erased.getMessage().getHeader(KapsoConstants.HTTP_STATUS)).isEqualTo(204);
        assertThat(call("getProjectContact", null, Map.of("CamelKapsoIdentifier", "15554440003")).getException())
                .isInstanceOf(KapsoNotFoundException.class).hasMessageContaining("WhatsApp contact not found");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat((List<?>) ok("listProjectMessages", null, Map.of("CamelKapsoConversationId", conversation)).get("data")).isEmpty();
            assertThat(call("getProjectConversation", null, Map.of("CamelKapsoConversationId", conversation)).getException())
                    .isInstanceOf(KapsoNotFoundException.class);
        });
        assertThat(call("eraseContact", null, Map.of("CamelKapsoIdentifier", "not-a-phone")).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("Invalid phone number");
    }

    @Test
    @SuppressWarnings("unchecked")
    void marketingPreferencesGateMarketingSends() {
        Map<String, Object> sent = ok("sendMarketingMessage", orderUpdate("15554440004", "Pia", "P-1"), Map.of());
        assertThat((List<Map<String, Object>>) sent.get("messages")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("message_status", "accepted"));

        Map<String, Object> contact = Map.of("CamelKapsoIdentifier", "15554440004");
        assertThat((List<?>) ok("listMarketingPreferences", null, contact).get("data")).isEmpty();
        Exchange subscribed = call("getMarketingPreference", null, Map.of("CamelKapsoIdentifier", "15554440004",
                "CamelKapsoPhoneNumberId", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID));
        assertThat(subscribed.getException()).isInstanceOf(KapsoNotFoundException.class).hasMessageContaining("Marketing preference not found");

        assertThat(admin(simulator, "POST", "marketing_preferences",
                "{\"wa_id\":\"15554440004\",\"status\":\"stopped\",\"detail\":\"User requested to stop marketing messages\"}")).isEqualTo(201);

        assertThat((List<Map<String, Object>>) ok("listMarketingPreferences", null, contact).get("data")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID).containsEntry("status", "stopped")
                        .containsEntry("marketing_allowed", false).containsEntry("source", "meta_webhook"));
        assertThat(data(ok("getMarketingPreference", null, Map.of("CamelKapsoIdentifier", "15554440004",
                "CamelKapsoPhoneNumberId", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID)))).containsEntry("status", "stopped");

        Exchange refused = call("sendMarketingMessage", orderUpdate("15554440004", "Pia", "P-2"), Map.of());
        assertThat(refused.getException()).isInstanceOf(KapsoValidationException.class);
        assertThat(((KapsoApiException) refused.getException()).getCategory()).isEqualTo(KapsoErrorCategory.MARKETING_OPT_OUT);
        // A utility template through the regular endpoint is still allowed.
        assertThat(call("sendMessage", orderUpdate("15554440004", "Pia", "P-3"), Map.of()).getException()).isNull();
    }
}
