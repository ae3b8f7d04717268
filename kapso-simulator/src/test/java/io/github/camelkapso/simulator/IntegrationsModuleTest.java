package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.FunctionsModuleTest.list;
import static io.github.camelkapso.simulator.FunctionsModuleTest.map;
import static org.assertj.core.api.Assertions.assertThat;

class IntegrationsModuleTest extends SimulatorTestBase {

    @Test
    void catalogSearch() {
        assertThat(list(ok("listApps", null, Map.of("CamelKapsoQuery", "sheets")).get("data")))
                .extracting(a -> a.get("name_slug")).containsExactly("google_sheets");
        List<Map<String, Object>> slack = list(ok("listActions", null, Map.of("CamelKapsoAppSlug", "slack")).get("actions"));
        assertThat(slack).extracting(a -> a.get("key")).containsExactly("slack-send-message", "slack-create-channel");
        assertThat(list(ok("listActions", null, Map.of("CamelKapsoQuery", "create contact")).get("actions")))
                .extracting(a -> a.get("key")).containsExactly("hubspot-create-contact");
        Map<String, Object> schema = data(ok("getActionSchema", null, Map.of("CamelKapsoActionId", "slack-send-message")));
        assertThat(list(schema.get("configurable_props"))).extracting(p -> p.get("name")).containsExactly("slack", "conversation", "text", "mrkdwn");
        assertThat(call("getActionSchema", null, Map.of("CamelKapsoActionId", "nope")).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void propsAndTokens() {
        List<Map<String, Object>> accounts = list(ok("listConnectedAccounts", null, Map.of("CamelKapsoAppSlug", "slack")).get("accounts"));
        assertThat(accounts).singleElement().satisfies(a -> assertThat(a).containsEntry("pipedream_account_id", "apn_SimSlack01")
                .containsEntry("healthy", true));
        assertThat(list(ok("listConnectedAccounts", null, Map.of("CamelKapsoAppSlug", "hubspot")).get("accounts"))).isEmpty();

        List<Map<String, Object>> options = list(ok("configureActionProp", Map.of("prop_name", "conversation",
                "configured_props", Map.of("account_id", "apn_SimSlack01")), Map.of("CamelKapsoActionId", "slack-send-message")).get("data"));
        assertThat(options).extracting(o -> o.get("label")).contains("#general", "#sales");
        Exchange noAccount = call("configureActionProp", Map.of("prop_name", "conversation"), Map.of("CamelKapsoActionId", "slack-send-message"));
        assertThat(noAccount.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("account_id");
        Exchange plainProp = call("configureActionProp", Map.of("prop_name", "text", "configured_props", Map.of("account_id", "apn_SimSlack01")),
                Map.of("CamelKapsoActionId", "slack-send-message"));
        assertThat(plainProp.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("no remote options");

        Map<String, Object> reloaded = data(ok("reloadActionProps", Map.of("configured_props", Map.of("sheetId", "1SimLeadsSheet",
                "worksheetId", "0")), Map.of("CamelKapsoActionId", "google_sheets-add-single-row")));
        assertThat(list(reloaded.get("configurable_props"))).extracting(p -> p.get("name")).contains("name", "phone", "email");
        assertThat((String) reloaded.get("dynamic_props_id")).startsWith("dyp_");

        Map<String, Object> token = ok("createConnectToken", null, Map.of());
        assertThat((String) token.get("token")).startsWith("pd_ct_");
        assertThat(token).containsKey("expires_at").doesNotContainKey("data");
    }

    @Test
    void integrationRoundTrip() {
        Map<String, Object> created = data(ok("createIntegration", Map.of("action_id", "slack-send-message", "app_slug", "slack",
                "account_id", "apn_SimSlack01", "name", "Notify Sales Channel",
                "configured_props", Map.of("conversation", "C0SIMSALES", "text", "{{message}}"),
                "variable_definitions", Map.of("message", "string")), Map.of()));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("enabled", true).containsEntry("app_name", "Slack").containsEntry("action_name", "Send Message")
                .containsEntry("name", "Notify Sales Channel");
        assertThat(map(created.get("pipedream_account"))).containsEntry("pipedream_account_id", "apn_SimSlack01");

        Exchange wrongApp = call("createIntegration", Map.of("action_id", "slack-send-message", "app_slug", "hubspot",
                "account_id", "apn_SimSlack01"), Map.of());
        assertThat(wrongApp.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("app_slug");
        Exchange noAccount = call("createIntegration", Map.of("action_id", "hubspot-create-contact", "app_slug", "hubspot",
                "account_id", "apn_SimSlack01"), Map.of());
        assertThat(noAccount.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("account_id");

        assertThat(list(ok("listIntegrations", null, Map.of()).get("data"))).extracting(i -> i.get("id")).containsExactly(id);
        Map<String, Object> updated = data(ok("updateIntegration", Map.of("name", "Notify #sales",
                "configured_props", Map.of("conversation", "C0SIMSALES", "text", "New lead: {{message}}")), Map.of("CamelKapsoIntegrationId", id)));
        assertThat(updated).containsEntry("name", "Notify #sales");
        assertThat(map(updated.get("configured_props"))).containsEntry("text", "New lead: {{message}}");
        assertThat(call("updateIntegration", Map.of("action_id", "slack-create-channel"), Map.of("CamelKapsoIntegrationId", id))
                .getException()).isInstanceOf(KapsoValidationException.class);

        ok("deleteIntegration", null, Map.of("CamelKapsoIntegrationId", id));
        assertThat(list(ok("listIntegrations", null, Map.of()).get("data"))).isEmpty();
        assertThat(call("deleteIntegration", null, Map.of("CamelKapsoIntegrationId", id)).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }
}
