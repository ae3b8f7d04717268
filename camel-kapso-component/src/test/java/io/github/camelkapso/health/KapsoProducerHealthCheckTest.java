package io.github.camelkapso.health;

import java.util.Map;
import java.util.Optional;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.error.KapsoAuthenticationException;
import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kapso: producer's readiness check, in Camel's "producers" repository while the producer runs: DOWN without a
 * key or after a 401, UP otherwise; switched off by the component's healthCheckProducerEnabled.
 */
class KapsoProducerHealthCheckTest extends KapsoProducerTestBase {

    private static final String SEND = "kapso:sendMessage?phoneNumberId=1065&maxRetries=0";
    private static final String CHECK_ID = "producer:kapso-sendMessage";
    private static final Map<String, Object> MESSAGE = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(SEND);
                from("direct:templates").routeId("templates")
                        .to("kapso:listTemplates?businessAccountId=w&apiKey=RAW(endpoint-key)");
            }
        };
    }

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setMaxRetries(0);
    }

    /** What Camel Main and Spring Boot do with camel.health.producers-enabled=true. */
    @Override
    protected void configureContext(CamelContext context) {
        enableProducerChecks(context);
    }

    static void enableProducerChecks(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        // every result, not only the DOWN ones when some are DOWN
        registry.setExposureLevel("full");
    }

    private Optional<HealthCheck.Result> result(String id) {
        return HealthCheckHelper.invokeReadiness(context).stream().filter(r -> id.equals(r.getCheck().getId())).findFirst();
    }

    private HealthCheck.Result readiness() {
        return result(CHECK_ID).orElseThrow(() -> new AssertionError("no " + CHECK_ID + " readiness result"));
    }

    private Exchange sendMessage() {
        return send("direct:send", MESSAGE);
    }

    private KapsoEndpoint sendEndpoint() {
        return context.getEndpoint(SEND, KapsoEndpoint.class);
    }

    @Test
    void eachProducerRegistersAReadinessCheckInTheProducersRepository() {
        Optional<HealthCheck> check = HealthCheckRegistry.get(context).getCheck(CHECK_ID);

        assertThat(check).isPresent();
        assertThat(check.get().getGroup()).isEqualTo("camel");
        assertThat(check.get().isReadiness()).isTrue();
        assertThat(check.get().isLiveness()).isFalse();
        assertThat(HealthCheckHelper.invokeLiveness(context)).noneMatch(r -> CHECK_ID.equals(r.getCheck().getId()));
        assertThat(HealthCheckHelper.getHealthCheckRepository(context, "producers").stream())
                .anyMatch(c -> CHECK_ID.equals(c.getId()));
    }

    @Test
    void upWithAKeyDownWithout() {
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(readiness().getDetails()).containsEntry("baseUrl", stub.baseUrl()).containsEntry("operation", "sendMessage");

        sendEndpoint().getConfiguration().setApiKey(null);
        HealthCheck.Result down = readiness();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("API key"));

        sendEndpoint().getConfiguration().setApiKey(" ");
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void aKeyOnTheEndpointCounts() throws Exception {
        restartWith(component -> component.getConfiguration().setApiKey(null));

        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);
        HealthCheck.Result templates = result("producer:kapso-listTemplates").orElseThrow();
        assertThat(templates.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(templates.getDetails().toString()).doesNotContain("endpoint-key");
    }

    @Test
    void downAfterARejectedKeyAndUpAgainAfterASuccess() {
        stub.respond(r -> StubResponse.json(401, "{\"error\":\"Invalid API key\"}"));
        Exchange rejected = sendMessage();
        assertThat(rejected.getException()).isInstanceOf(KapsoAuthenticationException.class);

        HealthCheck.Result down = readiness();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("401"));
        assertThat(down.getDetails()).containsEntry("lastStatus", 401).containsEntry("lastOperation", "sendMessage");

        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.ok\"}]}").withHeader("X-RateLimit-Remaining", "77"));
        Exchange accepted = sendMessage();
        assertThat(accepted.getException()).isNull();

        HealthCheck.Result up = readiness();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("lastStatus", 200).containsEntry("calls", 2L).containsEntry("failures", 1L)
                .containsEntry("rateLimitRemaining", 77L);
    }

    @Test
    void otherErrorsDoNotMakeItDown() {
        stub.respond(r -> StubResponse.json(404, "{\"error\":\"not found\"}"));
        sendMessage();

        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aTransportFailureAfterA401DoesNotClearTheVerdict() {
        stub.respond(r -> StubResponse.json(401, "{\"error\":\"Invalid API key\"}"));
        sendMessage();
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);

        stub.close();
        Exchange refused = sendMessage();
        assertThat(refused.getException()).isInstanceOf(KapsoTransportException.class);

        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("lastStatus", 0);
    }

    @Test
    void checkLeavesTheRepositoryWhenTheProducerStops() throws Exception {
        assertThat(HealthCheckRegistry.get(context).getCheck(CHECK_ID)).isPresent();

        context.getRouteController().stopRoute("send");
        context.removeRoute("send");

        assertThat(HealthCheckRegistry.get(context).getCheck(CHECK_ID)).isEmpty();
    }

    @Test
    void healthCheckProducerEnabledFalseSwitchesTheCheckOff() throws Exception {
        restartWith(component -> component.setHealthCheckProducerEnabled(false));

        Optional<HealthCheck> check = HealthCheckRegistry.get(context).getCheck(CHECK_ID);
        assertThat(check).hasValueSatisfying(c -> assertThat(c.isEnabled()).isFalse());
        assertThat(result(CHECK_ID)).hasValueSatisfying(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UNKNOWN));
    }

    /** A fresh context whose component is set up as the test says, with both routes started. */
    private void restartWith(java.util.function.Consumer<KapsoComponent> setup) throws Exception {
        context.stop();
        context = new org.apache.camel.impl.DefaultCamelContext();
        KapsoComponent component = new KapsoComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(stub.baseUrl());
        setup.accept(component);
        enableProducerChecks(context);
        context.addComponent("kapso", component);
        context.addRoutes(routes());
        context.start();
        context.getRouteController().startRoute("templates");
    }
}
