package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

class TemplatesModuleTest extends SimulatorTestBase {

    private static Map<String, Object> template(String name, String body) {
        return Map.of("name", name, "language", "en_US", "category", "UTILITY",
                "components", List.of(Map.of("type", "BODY", "text", body,
                        "example", Map.of("body_text", List.of(List.of("Ana"))))));
    }

    private static String status(String id) {
        return (String) ok("getTemplate", null, Map.of("CamelKapsoTemplateId", id)).get("status");
    }

    @Test
    void createReviewGetUpdateDelete() {
        Map<String, Object> created = ok("createTemplate", template("welcome_note", "Hello {{1}}, welcome aboard."), Map.of());
        String id = (String) created.get("id");
        assertThat(created).containsEntry("status", "PENDING").containsEntry("category", "UTILITY");

        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5)).until(() -> "APPROVED".equals(status(id)));
        Map<String, Object> got = ok("getTemplate", null, Map.of("CamelKapsoTemplateId", id));
        assertThat(got).containsEntry("name", "welcome_note").containsEntry("language", "en_US")
                .containsEntry("parameter_format", "POSITIONAL").doesNotContainKey("business_account_id");
        assertThat(ok("getTemplate", null, Map.of("CamelKapsoTemplateId", id, "CamelKapsoFields", "name,status")))
                .containsOnlyKeys("id", "name", "status");

        Map<String, Object> update = Map.of("components", List.of(Map.of("type", "BODY", "text", "Hi {{1}}, welcome to the club.",
                "example", Map.of("body_text", List.of(List.of("Ana"))))));
        assertThat(ok("updateTemplate", update, Map.of("CamelKapsoHsmId", id))).containsEntry("success", true);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5)).until(() -> "APPROVED".equals(status(id)));
        assertThat(call("updateTemplate", update, Map.of("CamelKapsoHsmId", id)).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("once per 24 hours");

        assertThat(ok("deleteTemplate", null, Map.of("CamelKapsoName", "welcome_note"))).containsEntry("success", true);
        assertThat(call("getTemplate", null, Map.of("CamelKapsoTemplateId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(call("deleteTemplate", null, Map.of("CamelKapsoName", "welcome_note")).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void aBodyEndingWithAVariableIsRejectedInReview() {
        String id = (String) ok("createTemplate", template("ends_with_var", "Your code is {{1}}"), Map.of()).get("id");
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5)).until(() -> "REJECTED".equals(status(id)));
        assertThat(ok("getTemplate", null, Map.of("CamelKapsoTemplateId", id))).containsEntry("rejected_reason", "INVALID_FORMAT");

        Map<String, Object> fixed = Map.of("components", List.of(Map.of("type", "BODY", "text", "Your code is {{1}}. Do not share it.",
                "example", Map.of("body_text", List.of(List.of("123456"))))));
        assertThat(ok("createTemplate", fixed, Map.of("CamelKapsoQueryParameters", Map.of("hsm_id", id)))).containsEntry("success", true);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5)).until(() -> "APPROVED".equals(status(id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listFiltersAndPaginatesEverything() {
        for (int i = 0; i < 7; i++) {
            ok("createTemplate", template("promo_batch_" + i, "Deal {{1}} for you today."), Map.of());
        }
        Exchange all = template.send("kapso:listTemplates?autoPaginate=true", ex -> {
            ex.getMessage().setHeader("CamelKapsoName", "promo_batch");
            ex.getMessage().setHeader("CamelKapsoLimit", 3);
        });
        assertThat(all.getException()).isNull();
        List<Map<String, Object>> items = all.getMessage().getBody(List.class);
        assertThat(items).hasSize(7).extracting(m -> m.get("name")).containsExactly(
                "promo_batch_6", "promo_batch_5", "promo_batch_4", "promo_batch_3", "promo_batch_2", "promo_batch_1", "promo_batch_0");
        assertThat(all.getMessage().getHeader("CamelKapsoPagesFetched")).isEqualTo(3);

        Map<String, Object> asc = ok("listTemplates", null, Map.of("CamelKapsoName", "promo_batch", "CamelKapsoOrder", "ASC",
                "CamelKapsoLimit", 2));
        assertThat((List<Map<String, Object>>) asc.get("data")).extracting(m -> m.get("name"))
                .containsExactly("promo_batch_0", "promo_batch_1");

        Map<String, Object> approved = ok("listTemplates", null, Map.of("CamelKapsoStatus", "APPROVED", "CamelKapsoName", "order_update"));
        assertThat((List<Map<String, Object>>) approved.get("data")).extracting(m -> m.get("name")).containsExactly("order_update");
    }

    @Test
    void namingDuplicatesAndComponentRules() {
        assertThat(call("createTemplate", template("Bad-Name", "Hello {{1}} there."), Map.of()).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("lowercase");
        assertThat(call("createTemplate", template("x".repeat(513), "Hello {{1}} there."), Map.of()).getException())
                .isInstanceOf(KapsoValidationException.class);

        ok("createTemplate", template("dup_check", "Hello {{1}} there."), Map.of());
        assertThat(call("createTemplate", template("dup_check", "Hello {{1}} again."), Map.of()).getException())
                .isInstanceOf(KapsoValidationException.class).hasMessageContaining("2388024");

        Map<String, Object> longBody = Map.of("name", "too_long", "language", "en_US", "category", "MARKETING",
                "components", List.of(Map.of("type", "BODY", "text", "é".repeat(1025))));
        assertThat(call("createTemplate", longBody, Map.of()).getException()).hasMessageContaining("2388040");

        Map<String, Object> gap = Map.of("name", "gap_vars", "language", "en_US", "category", "MARKETING",
                "components", List.of(Map.of("type", "BODY", "text", "Hi {{1}} and {{3}} ok",
                        "example", Map.of("body_text", List.of(List.of("a", "b"))))));
        assertThat(call("createTemplate", gap, Map.of()).getException()).hasMessageContaining("sequential");

        Map<String, Object> noExample = Map.of("name", "no_example", "language", "en_US", "category", "MARKETING",
                "components", List.of(Map.of("type", "BODY", "text", "Hi {{1}} there")));
        assertThat(call("createTemplate", noExample, Map.of()).getException()).hasMessageContaining("example");
    }

    @Test
    void updateWithoutHsmIdIsKapsosPlainError() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/meta/whatsapp/v24.0/" + SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID + "/message_templates"))
                .header("X-API-Key", SimulatorConfig.DEFAULT_API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"category\":\"MARKETING\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"hsm_id is required\"}");
    }
}
