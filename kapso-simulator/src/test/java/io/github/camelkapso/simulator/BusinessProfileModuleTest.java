package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessProfileModuleTest extends SimulatorTestBase {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> profile(Map<String, Object> headers) {
        List<Map<String, Object>> data = (List<Map<String, Object>>) ok("getBusinessProfile", null, headers).get("data");
        assertThat(data).hasSize(1);
        return data.get(0);
    }

    @Test
    void updateThenReadBackWithFields() {
        assertThat(profile(Map.of())).containsEntry("messaging_product", "whatsapp").containsKeys("about", "vertical");

        String about = "☕".repeat(139);
        assertThat(ok("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "about", about,
                "websites", List.of("https://example.com", "http://shop.example.com"), "vertical", "RESTAURANT",
                "email", "hello@example.com"), Map.of())).containsEntry("success", true);

        assertThat(profile(Map.of("CamelKapsoFields", "about,websites,vertical"))).containsOnlyKeys("about", "websites", "vertical")
                .containsEntry("about", about).containsEntry("vertical", "RESTAURANT")
                .containsEntry("websites", List.of("https://example.com", "http://shop.example.com"));
        assertThat(profile(Map.of())).containsEntry("email", "hello@example.com");

        assertThat(call("getBusinessProfile", null, Map.of("CamelKapsoFields", "about,colour")).getException())
                .hasMessageContaining("nonexisting field (colour)");
    }

    @Test
    void limitsAreEnforcedInCodePoints() {
        assertThat(call("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "about", "☕".repeat(140)), Map.of())
                .getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("about");
        assertThat(call("updateBusinessProfile", Map.of("messaging_product", "whatsapp",
                "websites", List.of("https://a.example", "https://b.example", "https://c.example")), Map.of())
                .getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("websites");
        assertThat(call("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "websites", List.of("ftp://files.example")), Map.of())
                .getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("websites");
        assertThat(call("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "email", "not-an-email"), Map.of())
                .getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("email");
        assertThat(call("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "vertical", "SPACESHIPS"), Map.of())
                .getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("vertical");
        assertThat(call("updateBusinessProfile", Map.of("about", "no product"), Map.of())
                .getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("messaging_product");
        assertThat(call("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "profile_picture_handle", "4::bogus"), Map.of())
                .getException()).hasMessageContaining("profile_picture_handle");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResumableUploadHandleSetsTheProfilePicture() {
        Map<String, Object> ingest = data(ok("uploadMediaFromUrl", Map.of("media_ingest", Map.of("phone_number_id",
                SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "source", "https://cdn.example.com/logo.png", "delivery", "meta_resumable_asset")), Map.of()));
        String handle = (String) ((Map<String, Object>) ingest.get("target")).get("handle");
        ok("updateBusinessProfile", Map.of("messaging_product", "whatsapp", "profile_picture_handle", handle), Map.of());
        assertThat((String) profile(Map.of("CamelKapsoFields", "profile_picture_url")).get("profile_picture_url"))
                .startsWith(simulator.baseUrl() + "/meta/whatsapp/media_download?token=");
    }
}
