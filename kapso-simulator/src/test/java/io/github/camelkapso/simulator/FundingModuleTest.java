package io.github.camelkapso.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.simulator.support.PlatformRawHttp;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FundingModuleTest extends SimulatorTestBase {

    private static final String WABA = SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID;
    private static final String PORTFOLIO = "823380597459265";

    private static Map<String, Object> funding() {
        return data(ok("getWabaFunding", null, Map.of("CamelKapsoWabaId", WABA)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fundingUsageAndRevocation() {
        assertThat(funding()).containsEntry("status", "not_funded").containsEntry("operation", null).containsEntry("waba_id", WABA);

        Exchange ensure = call("ensureWabaFunding", Map.of("business_portfolio_id", PORTFOLIO), Map.of("CamelKapsoWabaId", WABA));
        assertThat(ensure.getException()).isNull();
        assertThat(ensure.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(funding()).containsEntry("status", "funded"));
        assertThat((Map<String, Object>) funding().get("operation")).containsEntry("status", "succeeded");
        assertThat(funding().get("last_verified_at")).isNotNull();

        Exchange otherPortfolio = call("ensureWabaFunding", Map.of("business_portfolio_id", "111111111111"), Map.of("CamelKapsoWabaId", WABA));
        assertThat(otherPortfolio.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("409");

        simulator.onLoop(() -> {
            com.fasterxml.jackson.databind.node.ObjectNode send = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            send.put("to", "15551234567").put("type", "template").putObject("template").put("name", "order_update")
                    .putObject("language").put("code", "en_US");
            return io.github.camelkapso.simulator.messaging.Messaging.of(simulator.context())
                    .send(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID, send);
        });
        Map<String, Object> window = Map.of("CamelKapsoWabaId", WABA, "CamelKapsoStartTime", Instant.now().minus(Duration.ofDays(1)).toString(),
                "CamelKapsoEndTime", Instant.now().plus(Duration.ofHours(1)).toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((Map<String, Object>) data(ok("getWabaUsage", null, window))
                .get("totals")).containsEntry("customer_charge_micro_usd", 4000)); // order_update is a UTILITY template
        Map<String, Object> usage = data(ok("getWabaUsage", null, window));
        assertThat(((List<Map<String, Object>>) usage.get("breakdown")).get(0)).containsEntry("billable_messages", 1);
        assertThat(usage).containsEntry("time_basis", "recorded_at").containsEntry("charge_scope", "kapso_recorded_charges");
        assertThat((List<Map<String, Object>>) usage.get("breakdown")).extracting(b -> b.get("usage_kind")).containsExactly("messaging", "calling");
        Exchange tooLong = call("getWabaUsage", null, Map.of("CamelKapsoWabaId", WABA, "CamelKapsoStartTime", "2026-01-01T00:00:00Z",
                "CamelKapsoEndTime", "2026-03-01T00:00:00Z"));
        assertThat(tooLong.getException()).hasMessageContaining("31 days");

        List<Map<String, Object>> accounts = (List<Map<String, Object>>) ok("listPortfolioAccounts", null,
                Map.of("CamelKapsoPortfolioId", PORTFOLIO)).get("data");
        assertThat(accounts).singleElement().satisfies(a -> assertThat(a).containsEntry("waba_id", WABA).doesNotContainKey("id"));
        assertThat(call("listPortfolioAccounts", null, Map.of("CamelKapsoPortfolioId", "999")).getException())
                .isInstanceOf(KapsoNotFoundException.class);

        Exchange noKey = call("revokePortfolioFunding", null, Map.of("CamelKapsoPortfolioId", PORTFOLIO));
        assertThat(noKey.getException()).isInstanceOf(KapsoRequestException.class);
        PlatformRawHttp.Answer rawNoKey = PlatformRawHttp.call(simulator, "POST", "/whatsapp/portfolios/" + PORTFOLIO + "/funding/revoke", null);
        assertThat(rawNoKey.status()).isEqualTo(400);
        assertThat(rawNoKey.json().path("error").asText()).isEqualTo("An Idempotency-Key header of 1 to 255 bytes is required.");

        Map<String, Object> revoke = Map.of("CamelKapsoPortfolioId", PORTFOLIO, "Idempotency-Key", "revoke-1");
        Map<String, Object> operation = data(ok("revokePortfolioFunding", null, revoke));
        assertThat(operation).containsEntry("status", "queued").containsEntry("business_portfolio_id", PORTFOLIO);
        Map<String, Object> replay = data(ok("revokePortfolioFunding", null, revoke));
        assertThat(replay).containsEntry("operation_id", operation.get("operation_id"));

        PlatformRawHttp.Answer otherPortfolioKey = PlatformRawHttp.call(simulator, "POST", "/whatsapp/portfolios/30458864570425307/funding/revoke",
                null, "Idempotency-Key", "revoke-1");
        assertThat(otherPortfolioKey.status()).isEqualTo(409);
        assertThat(otherPortfolioKey.json().path("error").asText()).isEqualTo("This Idempotency-Key was used for another portfolio.");

        Map<String, Object> byOperation = Map.of("CamelKapsoPortfolioId", PORTFOLIO, "CamelKapsoOperationId", operation.get("operation_id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(data(ok("getFundingOperation", null, byOperation)))
                .containsEntry("status", "succeeded"));
        assertThat(funding()).containsEntry("status", "revoked");
        Exchange reensure = call("ensureWabaFunding", Map.of("business_portfolio_id", PORTFOLIO), Map.of("CamelKapsoWabaId", WABA));
        assertThat(reensure.getException()).hasMessageContaining("409");
        assertThat(call("getFundingOperation", null, Map.of("CamelKapsoPortfolioId", "30458864570425307",
                "CamelKapsoOperationId", operation.get("operation_id"))).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void unknownWabaIsNotFound() {
        assertThat(call("getWabaFunding", null, Map.of("CamelKapsoWabaId", "4188880514714289")).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }
}
