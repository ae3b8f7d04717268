package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FunctionsModuleTest extends SimulatorTestBase {

    private static final String CODE = "async function handler(request, env) {\n"
                                       + "  const body = await request.json();\n"
                                       + "  return new Response(JSON.stringify({ ok: true, body }));\n"
                                       + "}\n";

    @Test
    void createDeployInvokeAndListInvocations() {
        Map<String, Object> fn = data(ok("createFunction", Map.of("name", "Calculate Shipping", "code", CODE,
                "function_type", "cloudflare_worker"), Map.of()));
        String id = (String) fn.get("id");
        assertThat(fn).containsEntry("status", "draft").containsEntry("slug", "calculate-shipping")
                .containsEntry("invoke_response_mode", "passthrough").containsEntry("lock_version", 0);
        assertThat((String) fn.get("endpoint_url")).endsWith("/platform/v1/functions/" + id + "/invoke");

        Exchange early = call("invokeFunction", Map.of("weight", 5), Map.of("CamelKapsoFunctionId", id));
        assertThat(early.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("not deployed");

        Map<String, Object> deploy = ok("deployFunction", null, Map.of("CamelKapsoFunctionId", id));
        assertThat(deploy).containsEntry("status", "deploying").containsEntry("function_id", id);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                "deployed".equals(data(ok("getFunction", null, Map.of("CamelKapsoFunctionId", id))).get("status")));
        assertThat(data(ok("getFunction", null, Map.of("CamelKapsoFunctionId", id)))).containsEntry("version", 1)
                .extractingByKey("last_deployed_at").isNotNull();

        Map<String, Object> echo = ok("invokeFunction", Map.of("weight", 5.5), Map.of("CamelKapsoFunctionId", id));
        assertThat(echo).containsEntry("function", "Calculate Shipping").containsEntry("received", Map.of("weight", 5.5));

        ok("updateFunction", Map.of("code", "// simulator-response: {\"cost\": 24.75, \"currency\": \"USD\"}\n" + CODE),
                Map.of("CamelKapsoFunctionId", id));
        assertThat(ok("invokeFunction", Map.of("weight", 1), Map.of("CamelKapsoFunctionId", id)))
                .as("code changes only take effect after a deploy").containsKey("received");
        ok("deployFunction", null, Map.of("CamelKapsoFunctionId", id));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                (Integer) data(ok("getFunction", null, Map.of("CamelKapsoFunctionId", id))).get("version") == 2);
        assertThat(ok("invokeFunction", Map.of("weight", 2), Map.of("CamelKapsoFunctionId", id)))
                .isEqualTo(Map.of("cost", 24.75, "currency", "USD"));

        Map<String, Object> invocations = data(ok("listFunctionInvocations", null, Map.of("CamelKapsoFunctionId", id)));
        assertThat(invocations).containsEntry("function_id", id).containsEntry("total", 3);
        List<Map<String, Object>> list = list(invocations.get("invocations"));
        assertThat(list).hasSize(3);
        assertThat(list.get(0)).containsEntry("status_code", 200).containsEntry("request_body", Map.of("weight", 2))
                .containsEntry("response_body", Map.of("cost", 24.75, "currency", "USD"));
        assertThat(list.get(2)).containsEntry("request_body", Map.of("weight", 5.5));
        assertThat(list(data(ok("listFunctionInvocations", null, Map.of("CamelKapsoFunctionId", id, "CamelKapsoLimit", 1)))
                .get("invocations"))).hasSize(1);
        assertThat(data(ok("listFunctionInvocations", null, Map.of("CamelKapsoFunctionId", id, "CamelKapsoStatus", "failed"))))
                .containsEntry("total", 0);
    }

    @Test
    void scriptedFailuresAreRecordedAsFailedInvocations() {
        String id = deployed("Failing function", "// simulator-error: Invalid weight value\n" + CODE, false);
        Exchange failed = call("invokeFunction", Map.of("weight", -1), Map.of("CamelKapsoFunctionId", id));
        assertThat(failed.getException()).isInstanceOf(KapsoApiException.class);
        KapsoApiException e = (KapsoApiException) failed.getException();
        assertThat(e.getHttpStatus()).isEqualTo(500);
        assertThat(e.getResponseBody()).contains("Function execution failed").contains("Invalid weight value").contains("invocation_id");
        Map<String, Object> invocations = data(ok("listFunctionInvocations", null,
                Map.of("CamelKapsoFunctionId", id, "CamelKapsoStatus", "failed")));
        assertThat(list(invocations.get("invocations"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("status_code", 500).containsEntry("error_message", "Invalid weight value"));
    }

    @Test
    void codeThatDoesNotParseDeploysToError() {
        Map<String, Object> fn = data(ok("createFunction", Map.of("name", "Broken", "code", "function handler( {",
                "function_type", "cloudflare_worker"), Map.of()));
        ok("deployFunction", null, Map.of("CamelKapsoFunctionId", fn.get("id")));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                "error".equals(data(ok("getFunction", null, Map.of("CamelKapsoFunctionId", fn.get("id")))).get("status")));
    }

    @Test
    void publicFunctionsNeedNoApiKeyAndPrivateOnesAnswer404() throws Exception {
        String privateId = deployed("Private function", CODE, false);
        String publicId = deployed("Public function", CODE, true);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymousPublic = http.send(invoke(publicId, null), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousPublic.statusCode()).isEqualTo(200);
        assertThat(anonymousPublic.body()).contains("\"function\":\"Public function\"");
        HttpResponse<String> anonymousPrivate = http.send(invoke(privateId, null), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousPrivate.statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = http.send(invoke("00000000-0000-0000-0000-000000000000", SimulatorConfig.DEFAULT_API_KEY),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Function not found\"}");
        HttpResponse<String> keyed = http.send(invoke(privateId, SimulatorConfig.DEFAULT_API_KEY), HttpResponse.BodyHandlers.ofString());
        assertThat(keyed.statusCode()).isEqualTo(200);
    }

    @Test
    void secretsNeedADeployedFunctionAndNeverShowTheirValue() {
        Map<String, Object> draft = data(ok("createFunction", Map.of("name", "Draft with secrets", "code", CODE,
                "function_type", "cloudflare_worker"), Map.of()));
        Exchange tooEarly = call("createFunctionSecret", Map.of("name", "STRIPE_API_KEY", "value", "sk_test_1"),
                Map.of("CamelKapsoFunctionId", draft.get("id")));
        assertThat(tooEarly.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("must be deployed");
        assertThat(list(ok("listFunctionSecrets", null, Map.of("CamelKapsoFunctionId", draft.get("id"))).get("data"))).isEmpty();

        String id = deployed("Function with secrets", CODE, false);
        Exchange created = call("createFunctionSecret", Map.of("name", "STRIPE_API_KEY", "value", "sk_test_abc123xyz"),
                Map.of("CamelKapsoFunctionId", id));
        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader("CamelKapsoHttpStatus")).isEqualTo(201);
        assertThat(created.getMessage().getBody(Map.class)).isEqualTo(Map.of("message", "Secret created successfully"));
        ok("createFunctionSecret", Map.of("name", "DATABASE_CONFIG", "value", Map.of("host", "db.example.com", "port", 5432)),
                Map.of("CamelKapsoFunctionId", id));
        Exchange duplicate = call("createFunctionSecret", Map.of("name", "STRIPE_API_KEY", "value", "other"),
                Map.of("CamelKapsoFunctionId", id));
        assertThat(duplicate.getException()).isInstanceOf(KapsoValidationException.class);
        Exchange badName = call("createFunctionSecret", Map.of("name", "stripe-key", "value", "x"), Map.of("CamelKapsoFunctionId", id));
        assertThat(badName.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("secret.name");

        Exchange listed = call("listFunctionSecrets", null, Map.of("CamelKapsoFunctionId", id));
        assertThat(listed.getMessage().getBody(String.class)).doesNotContain("sk_test_abc123xyz").doesNotContain("db.example.com");
        assertThat(list(listed.getMessage().getBody(Map.class).get("data"))).containsExactly(
                Map.of("name", "STRIPE_API_KEY", "type", "text"), Map.of("name", "DATABASE_CONFIG", "type", "json"));

        ok("deleteFunctionSecret", null, Map.of("CamelKapsoFunctionId", id, "CamelKapsoSecretName", "STRIPE_API_KEY"));
        assertThat(call("deleteFunctionSecret", null, Map.of("CamelKapsoFunctionId", id, "CamelKapsoSecretName", "STRIPE_API_KEY"))
                .getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(list(ok("listFunctionSecrets", null, Map.of("CamelKapsoFunctionId", id)).get("data"))).hasSize(1);
    }

    @Test
    void namesAreUniqueAndLockVersionsGuardUpdates() {
        Map<String, Object> fn = data(ok("createFunction", Map.of("name", "Unique name", "code", CODE,
                "function_type", "cloudflare_worker"), Map.of()));
        Exchange duplicate = call("createFunction", Map.of("name", "Unique name", "code", CODE, "function_type", "cloudflare_worker"), Map.of());
        assertThat(duplicate.getException()).isInstanceOf(KapsoApiException.class);
        assertThat(((KapsoApiException) duplicate.getException()).getHttpStatus()).isEqualTo(409);

        Map<String, Object> updated = data(ok("updateFunction", Map.of("description", "v2", "lock_version", 0),
                Map.of("CamelKapsoFunctionId", fn.get("id"))));
        assertThat(updated).containsEntry("description", "v2").containsEntry("lock_version", 1);
        Exchange stale = call("updateFunction", Map.of("description", "v3", "lock_version", 0), Map.of("CamelKapsoFunctionId", fn.get("id")));
        assertThat(((KapsoApiException) stale.getException()).getHttpStatus()).isEqualTo(409);

        assertThat(list(ok("listFunctions", null, Map.of()).get("data"))).extracting(f -> f.get("id")).contains(fn.get("id"));
        ok("deleteFunction", null, Map.of("CamelKapsoFunctionId", fn.get("id")));
        assertThat(call("getFunction", null, Map.of("CamelKapsoFunctionId", fn.get("id"))).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    private static String deployed(String name, String code, boolean publicEndpoint) {
        Map<String, Object> fn = data(ok("createFunction", Map.of("name", name, "code", code,
                "function_type", "cloudflare_worker", "public_endpoint", publicEndpoint), Map.of()));
        String id = (String) fn.get("id");
        ok("deployFunction", null, Map.of("CamelKapsoFunctionId", id));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                "deployed".equals(data(ok("getFunction", null, Map.of("CamelKapsoFunctionId", id))).get("status")));
        return id;
    }

    private static HttpRequest invoke(String id, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/platform/v1/functions/" + id + "/invoke"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}"));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
