package io.github.camelkapso.simulator.ops.automation;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * App integrations (Pipedream Connect) over the seeded catalog of {@code automation/integration-catalog.json}: Slack
 * (send message, create channel), Google Sheets (add single row, with dynamic column props) and HubSpot (create
 * contact, search CRM), and one connected Slack account (apn_SimSlack01). Pipedream's real catalog and OAuth cannot be
 * reached: the admin route {@code POST /_sim/integrations/accounts {app_slug, account_name}} stands in for a user
 * finishing the Connect flow. Rules:
 * <ul>
 * <li>apps and actions are searched by query (case-insensitive, name/slug/description); actions also by app_slug;
 * listActions answers {"actions": [...]} (not data-wrapped); apps take a limit (1-100, default 20);</li>
 * <li>getActionSchema answers the action with its configurable_props; unknown actions are 404;</li>
 * <li>configureActionProp needs prop_name, a prop of the action with remote options (422 otherwise) and a connected
 * account of the action's app in configured_props (account_id or the app prop's authProvisionId; 422 otherwise);
 * it answers {"data": [options]};</li>
 * <li>reloadActionProps answers the props with the dynamic ones added once the props they depend on are configured,
 * and a dynamic_props_id;</li>
 * <li>createConnectToken answers {token: pd_ct_..., expires_at: in 4 hours}, not data-wrapped; listConnectedAccounts
 * answers {"accounts": [...]} filtered by app_slug (or its alias app);</li>
 * <li>an integration needs action_id (a known action), app_slug (the action's app) and account_id (a connected
 * account of that app), 422 naming the field; name defaults to the action name; enabled is true;</li>
 * <li>integrations list newest first; updates change name, configured_props, variable_definitions,
 * dynamic_props_id (action_id, app_slug and account_id cannot change: 422); delete is 204.</li>
 * </ul>
 */
public final class IntegrationsModule implements SimulatorModule {

    private static final Set<String> UPDATABLE = Set.of("name", "configured_props", "variable_definitions", "dynamic_props_id");
    private static final Set<String> FIXED = Set.of("action_id", "app_slug", "account_id");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store accounts = ctx.state().store(AutomationStores.CONNECTED_ACCOUNTS);
        Store integrations = ctx.state().store(AutomationStores.INTEGRATIONS);
        IntegrationCatalog.seededAccounts().forEach(a -> connect(ctx, accounts, a.path("app_slug").asText(),
                a.path("account_name").asText(), a.path("pipedream_account_id").asText()));

        admin.on("POST", "integrations/accounts", r -> {
            String app = r.json().path("app_slug").asText("");
            if (IntegrationCatalog.app(app).isEmpty()) {
                throw ApiError.platform(422, "app_slug must be one of the simulator's apps (slack, google_sheets, hubspot)");
            }
            ObjectNode account = connect(ctx, accounts, app, r.json().path("account_name").asText("Simulator account"),
                    "apn_" + Ids.token(8));
            return SimResponse.json(201, account);
        });

        handlers.on("listApps", r -> {
            int limit = r.intQuery("limit", 20, 1, 100);
            ArrayNode data = SimState.object().arrayNode();
            for (JsonNode app : IntegrationCatalog.apps()) {
                if (data.size() < limit && IntegrationCatalog.matches(app, r.query("query"), "name", "name_slug", "description")) {
                    data.add(app.deepCopy());
                }
            }
            ObjectNode body = SimState.object();
            body.set("data", data);
            return SimResponse.json(200, body);
        });
        handlers.on("listActions", r -> {
            String appSlug = r.query("app_slug");
            ArrayNode list = SimState.object().arrayNode();
            for (JsonNode action : IntegrationCatalog.actions()) {
                if ((appSlug == null || appSlug.isEmpty() || appSlug.equals(action.path("app_slug").asText()))
                    && IntegrationCatalog.matches(action, r.query("query"), "name", "key", "description")) {
                    list.add(IntegrationCatalog.summary(action));
                }
            }
            ObjectNode body = SimState.object();
            body.set("actions", list);
            return SimResponse.json(200, body);
        });
        handlers.on("getActionSchema", r -> SimResponse.data(200, IntegrationCatalog.schema(requireAction(r), false)));
        handlers.on("configureActionProp", r -> {
            JsonNode action = requireAction(r);
            JsonNode body = r.json();
            String propName = body.path("prop_name").asText("");
            if (propName.isEmpty()) {
                throw ApiError.unprocessable("prop_name is required");
            }
            JsonNode prop = IntegrationCatalog.prop(action, propName).orElseThrow(() -> ApiError.unprocessable(
                    "prop_name " + propName + " is not a prop of action " + action.path("key").asText()));
            if (!prop.path("remoteOptions").asBoolean(false)) {
                throw ApiError.unprocessable("prop_name " + propName + " has no remote options to configure");
            }
            requireAccount(accounts, action, body.path("configured_props"));
            ArrayNode options = action.path("options").path(propName).deepCopy();
            ObjectNode answer = SimState.object();
            answer.set("data", options);
            return SimResponse.json(200, answer);
        });
        handlers.on("reloadActionProps", r -> {
            JsonNode action = requireAction(r);
            JsonNode configured = r.json().path("configured_props");
            boolean ready = action.has("dynamic_props");
            for (JsonNode after : action.path("dynamic_props").path("after")) {
                ready &= configured.hasNonNull(after.asText());
            }
            ObjectNode data = SimState.object();
            data.put("dynamic_props_id", ready ? r.json().path("dynamic_props_id").asText("dyp_" + Ids.token(6)) : null);
            data.set("configurable_props", IntegrationCatalog.schema(action, ready).get("configurable_props"));
            return SimResponse.data(200, data);
        });
        handlers.on("createConnectToken", r -> {
            ObjectNode body = SimState.object();
            body.put("token", "pd_ct_" + Ids.token(18));
            body.put("expires_at", ctx.clock().now().plus(Duration.ofHours(4)).toString());
            return SimResponse.json(200, body);
        });
        handlers.on("listConnectedAccounts", r -> {
            String app = r.query("app_slug") != null ? r.query("app_slug") : r.query("app");
            ArrayNode list = SimState.object().arrayNode();
            accounts.newestFirst(a -> app == null || app.isEmpty() || app.equals(a.path("app_slug").asText()), "created_at")
                    .forEach(e -> list.add(e.node()));
            ObjectNode body = SimState.object();
            body.set("accounts", list);
            return SimResponse.json(200, body);
        });

        handlers.on("createIntegration", r -> {
            ObjectNode attrs = r.attributes();
            String actionId = Crud.requireText(attrs, "action_id", null);
            String appSlug = Crud.requireText(attrs, "app_slug", null);
            String accountId = Crud.requireText(attrs, "account_id", null);
            JsonNode action = IntegrationCatalog.action(actionId).orElseThrow(() ->
                    ApiError.unprocessable("action_id " + actionId + " is not a known action"));
            if (!appSlug.equals(action.path("app_slug").asText())) {
                throw ApiError.unprocessable("app_slug " + appSlug + " is not the app of action " + actionId
                                             + " (" + action.path("app_slug").asText() + ")");
            }
            ObjectNode account = account(accounts, accountId).filter(a -> appSlug.equals(a.path("app_slug").asText()))
                    .orElseThrow(() -> ApiError.unprocessable("account_id " + accountId + " is not a connected " + appSlug + " account"));
            ObjectNode integration = SimState.object();
            String now = ctx.clock().iso();
            integration.put("id", Ids.uuid());
            integration.put("action_id", actionId);
            integration.put("app_slug", appSlug);
            integration.put("enabled", true);
            integration.put("created_at", now);
            integration.put("updated_at", now);
            String appName = IntegrationCatalog.app(appSlug).map(a -> a.path("name").asText()).orElse(appSlug);
            integration.put("app_name", attrs.path("app_name").asText(appName));
            integration.put("action_name", action.path("name").asText());
            integration.put("name", attrs.path("name").asText(action.path("name").asText()));
            integration.set("metadata", attrs.path("metadata").isObject() ? attrs.get("metadata").deepCopy() : SimState.object());
            integration.set("configured_props", objectOrEmpty(attrs.get("configured_props")));
            integration.set("variable_definitions", objectOrEmpty(attrs.get("variable_definitions")));
            integration.set("dynamic_props_id", attrs.hasNonNull("dynamic_props_id") ? attrs.get("dynamic_props_id") : null);
            integration.set("pipedream_account", account.deepCopy());
            return SimResponse.data(201, integrations.put(integration));
        });
        handlers.on("listIntegrations", r -> Paging.all(integrations.newestFirst(i -> true, "created_at")));
        handlers.on("updateIntegration", r -> {
            ObjectNode integration = Crud.require(integrations, r, "integration_id", "Integration");
            ObjectNode attrs = r.attributes();
            ObjectNode changes = SimState.object();
            attrs.fields().forEachRemaining(f -> {
                if (FIXED.contains(f.getKey())) {
                    throw ApiError.unprocessable(f.getKey() + " cannot be changed; create a new integration instead");
                }
                if (UPDATABLE.contains(f.getKey())) {
                    changes.set(f.getKey(), f.getValue());
                }
            });
            return SimResponse.data(200, Crud.merge(ctx, integration, changes, Set.of()));
        });
        handlers.on("deleteIntegration", r -> {
            ObjectNode integration = Crud.require(integrations, r, "integration_id", "Integration");
            integrations.remove(integration.path("id").asText());
            return SimResponse.noContent();
        });
    }

    private static JsonNode requireAction(SimRequest r) {
        String id = r.path("action_id");
        return IntegrationCatalog.action(id).orElseThrow(() -> ApiError.notFound(r.operation(), "Action " + id));
    }

    /** The connected account named in configured_props: account_id, or the app prop's {authProvisionId}. */
    private static void requireAccount(Store accounts, JsonNode action, JsonNode configured) {
        String appProp = IntegrationCatalog.appProp(action);
        String provisioned = configured.path(appProp == null ? "" : appProp).path("authProvisionId").asText("");
        String id = configured.path("account_id").asText(provisioned);
        String app = action.path("app_slug").asText();
        if (id.isEmpty()) {
            throw ApiError.unprocessable("configured_props.account_id is required: the connected " + app + " account to load options with");
        }
        account(accounts, id).filter(a -> app.equals(a.path("app_slug").asText())).orElseThrow(() ->
                ApiError.unprocessable("configured_props.account_id " + id + " is not a connected " + app + " account"));
    }

    private static Optional<ObjectNode> account(Store accounts, String pipedreamId) {
        return accounts.find(a -> pipedreamId.equals(a.path("pipedream_account_id").asText())
                                  || pipedreamId.equals(a.path("id").asText()));
    }

    private static ObjectNode connect(SimContext ctx, Store accounts, String app, String accountName, String pipedreamId) {
        String now = ctx.clock().iso();
        ObjectNode account = SimState.object();
        account.put("id", Ids.uuid());
        account.put("pipedream_account_id", pipedreamId);
        account.put("app_slug", app);
        account.put("app_name", IntegrationCatalog.app(app).map(a -> a.path("name").asText()).orElse(app));
        account.put("account_name", accountName);
        account.put("healthy", true);
        account.put("created_at", now);
        account.put("updated_at", now);
        ObjectNode user = account.putObject("user");
        user.put("id", Ids.uuid());
        user.put("email", "simulator@example.com");
        user.put("name", "Simulator User");
        user.putNull("avatar_url");
        user.put("created_at", now);
        user.put("onboarding_status", "complete");
        account.putNull("project");
        return accounts.put(account);
    }

    private static JsonNode objectOrEmpty(JsonNode n) {
        return n != null && n.isObject() ? n.deepCopy() : SimState.object();
    }
}
