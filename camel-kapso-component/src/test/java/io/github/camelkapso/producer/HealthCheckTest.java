package io.github.camelkapso.producer;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.error.KapsoAuthenticationException;
import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's readiness check: registered with the context, DOWN without a key or after a 401, UP otherwise. */
class HealthCheckTest extends KapsoProducerTestBase {

    private static final String SEND = "kapso:sendMessage?phoneNumberId=1065&maxRetries=0";
    private static final Map<String, Object> MESSAGE = Map.of("messaging_product", "whatsapp", "to", "15551234567",
            "type", "text", "text", Map.of("body", "hi"));

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> "kapso".equals(r.getCheck().getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kapso readiness result"));
    }

    @Test
    void componentRegistersAReadinessCheck() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        Optional<HealthCheck> check = registry.getCheck("kapso");

        assertThat(check).isPresent();
        assertThat(check.get().getGroup()).isEqualTo("camel");
        assertThat(check.get().isReadiness()).isTrue();
        assertThat(check.get().isLiveness()).isFalse();
        assertThat(HealthCheckHelper.invokeLiveness(context)).noneMatch(r -> "kapso".equals(r.getCheck().getId()));
    }

    @Test
    void upWithAKeyDownWithout() {
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(readiness().getDetails()).containsEntry("baseUrl", stub.baseUrl());

        kapso.getConfiguration().setApiKey(null);
        HealthCheck.Result down = readiness();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("API key"));

        kapso.getConfiguration().setApiKey(" ");
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void aKeyOnAnEndpointCounts() {
        kapso.getConfiguration().setApiKey(null);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);

        context.getEndpoint("kapso:listTemplates?businessAccountId=w&apiKey=RAW(endpoint-key)");

        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void downAfterARejectedKeyAndUpAgainAfterASuccess() {
        stub.respond(r -> StubResponse.json(401, "{\"error\":\"Invalid API key\"}"));
        Exchange rejected = send(SEND, MESSAGE);
        assertThat(rejected.getException()).isInstanceOf(KapsoAuthenticationException.class);

        HealthCheck.Result down = readiness();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("401"));
        assertThat(down.getDetails()).containsEntry("lastStatus", 401).containsEntry("lastOperation", "sendMessage");

        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.ok\"}]}"));
        Exchange accepted = send(SEND, MESSAGE);
        assertThat(accepted.getException()).isNull();

        HealthCheck.Result up = readiness();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("lastStatus", 200).containsEntry("calls", 2L).containsEntry("failures", 1L);
    }

    @Test
    void otherErrorsDoNotMakeItDown() {
        stub.respond(r -> StubResponse.json(404, "{\"error\":\"not found\"}"));
        send(SEND, MESSAGE);

        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aTransportFailureAfterA401DoesNotClearTheVerdict() throws Exception {
        stub.respond(r -> StubResponse.json(401, "{\"error\":\"Invalid API key\"}"));
        send(SEND, MESSAGE);
        assertThat(readiness().getState()).isEqualTo(HealthCheck.State.DOWN);

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Exchange refused = send(SEND + "&baseUrl=RAW(http://127.0.0.1:" + port + ")", MESSAGE);
        assertThat(refused.getException()).isInstanceOf(KapsoTransportException.class);

        HealthCheck.Result result = readiness();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("lastStatus", 0);
    }

    @Test
    void checkIsUnregisteredWhenTheComponentStops() {
        assertThat(HealthCheckRegistry.get(context).getCheck("kapso")).isPresent();

        context.removeComponent("kapso");

        assertThat(HealthCheckRegistry.get(context).getCheck("kapso")).isEmpty();
    }

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setMaxRetries(0);
    }
}
