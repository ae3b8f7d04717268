package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxEmbedsModuleTest extends SimulatorTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void tokenIsShownOnlyAtCreation() {
        List<Map<String, Object>> users = (List<Map<String, Object>>) ok("listProjectUsers", null, Map.of()).get("data");
        assertThat(users).singleElement().satisfies(u -> assertThat(u).containsEntry("role", "owner").containsEntry("id", 1));
        String ownerId = (String) users.get(0).get("user_id");

        Map<String, Object> created = data(ok("createInboxEmbed", Map.of("name", "Support number inbox", "scope_type", "phone_number",
                "scope_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, "assigned_user_id", ownerId,
                "allowed_origins", List.of("https://app.example.com"), "language", "es"), Map.of()));
        String id = (String) created.get("id");
        String token = (String) created.get("token");
        assertThat(token).isNotBlank();
        assertThat((String) created.get("embed_url")).endsWith("/embed/" + token);
        assertThat(created).containsEntry("status", "active").containsEntry("scope_name", "+1 555-010-0100")
                .containsEntry("assigned_user_name", "Owner User").containsEntry("default_mode", "system")
                .containsEntry("language", "es");

        Map<String, Object> byId = Map.of("CamelKapsoInboxEmbedId", id);
        Map<String, Object> fetched = data(ok("getInboxEmbed", null, byId));
        assertThat(fetched).containsEntry("id", id).doesNotContainKeys("token", "embed_url", "token_digest");
        List<Map<String, Object>> listed = (List<Map<String, Object>>) ok("listInboxEmbeds", null,
                Map.of("CamelKapsoScopeType", "phone_number")).get("data");
        assertThat(listed).singleElement().satisfies(e -> assertThat(e).doesNotContainKeys("token", "embed_url"));

        Map<String, Object> updated = data(ok("updateInboxEmbed", Map.of("default_mode", "dark"), byId));
        assertThat(updated).containsEntry("default_mode", "dark").doesNotContainKeys("token", "embed_url");
        Exchange rescope = call("updateInboxEmbed", Map.of("scope_type", "project"), byId);
        assertThat(rescope.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("scope_type");

        ok("revokeInboxEmbed", null, byId);
        assertThat(data(ok("getInboxEmbed", null, byId))).containsEntry("status", "revoked");
        assertThat((List<?>) ok("listInboxEmbeds", null, Map.of("CamelKapsoStatus", "active")).get("data")).isEmpty();
    }

    @Test
    void scopeRules() {
        Exchange projectWithId = call("createInboxEmbed", Map.of("scope_type", "project", "scope_id", "abc"), Map.of());
        assertThat(projectWithId.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("blank");
        Exchange customerWithoutId = call("createInboxEmbed", Map.of("scope_type", "customer"), Map.of());
        assertThat(customerWithoutId.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("required");
        Exchange unknownCustomer = call("createInboxEmbed", Map.of("scope_type", "customer",
                "scope_id", "550e8400-e29b-41d4-a716-446655440000"), Map.of());
        assertThat(unknownCustomer.getException()).isInstanceOf(KapsoNotFoundException.class);
        Exchange badOrigin = call("createInboxEmbed", Map.of("scope_type", "project", "allowed_origins", List.of("not a url")), Map.of());
        assertThat(badOrigin.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("allowed_origins");
        Exchange stranger = call("createInboxEmbed", Map.of("scope_type", "project",
                "assigned_user_id", "550e8400-e29b-41d4-a716-446655440000"), Map.of());
        assertThat(stranger.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("member");
    }
}
