package io.github.camelkapso.consumer.webhook;

import java.util.Optional;

import io.github.camelkapso.KapsoComponent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP consumers' readiness through Camel's consumers repository: UP while the path is served, DOWN while the route
 * is suspended, switched off by healthCheckConsumerEnabled; and a webhook secret in rotation.
 */
class KapsoHttpConsumerHealthTest extends WebhookTestSupport {

    private boolean consumerChecksEnabled = true;

    /** What Camel Main and Spring Boot do with camel.health.consumers-enabled=true. */
    @Override
    protected void configure(KapsoComponent component) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository consumers = (HealthCheckRepository) registry.resolveById("consumers");
        consumers.setEnabled(true);
        registry.register(consumers);
        registry.setExposureLevel("full");
        component.setHealthCheckConsumerEnabled(consumerChecksEnabled);
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?path=/hooks/health&webhookSecret=RAW(new-secret,old-secret)").routeId("hooks")
                        .to("mock:events");
            }
        };
    }

    private Optional<HealthCheck.Result> consumerCheck() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> "consumer:hooks".equals(r.getCheck().getId()))
                .findFirst();
    }

    private HealthCheck consumerOwnCheck() {
        return ((HealthCheckAware) context.getRoute("hooks").getConsumer()).getHealthCheck();
    }

    @Test
    void upWhileServingWithPathAndKindDownWhileSuspended() throws Exception {
        HealthCheck.Result up = consumerCheck().orElseThrow(() -> new AssertionError("no consumer:hooks check"));
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("path", "/hooks/health").containsEntry("kind", "kapso");
        assertThat(up.getDetails().toString()).doesNotContain("new-secret").doesNotContain("old-secret");

        // Camel's repository leaves suspended routes out; the consumer's own check says why it is not serving
        context.getRouteController().suspendRoute("hooks");
        HealthCheck.Result down = consumerOwnCheck().call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("kapso:webhook on /hooks/health"));

        context.getRouteController().resumeRoute("hooks");
        assertThat(consumerCheck().orElseThrow().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void healthCheckConsumerEnabledFalseLeavesItOut() throws Exception {
        stopCamel();
        consumerChecksEnabled = false;
        startCamel();
        assertThat(context.getRouteController().getRouteStatus("hooks").isStarted()).isTrue();

        assertThat(consumerOwnCheck()).isNull();
        // Camel's own route check remains, without the webhook's details
        assertThat(consumerCheck()).hasValueSatisfying(r -> assertThat(r.getDetails()).doesNotContainKey("kind"));
    }

    @Test
    void deliveriesSignedWithEitherSecretOfARotationAreAccepted() throws Exception {
        mock("events").expectedMessageCount(2);
        byte[] first = utf8("{\"message\":{\"id\":\"wamid.rot1\",\"type\":\"text\",\"text\":{\"body\":\"a\"}},"
                            + "\"conversation\":{\"id\":\"c1\"},\"phone_number_id\":\"1065\"}");
        byte[] second = utf8("{\"message\":{\"id\":\"wamid.rot2\",\"type\":\"text\",\"text\":{\"body\":\"b\"}},"
                             + "\"conversation\":{\"id\":\"c1\"},\"phone_number_id\":\"1065\"}");

        assertThat(deliver("/hooks/health", "new-secret", first, "whatsapp.message.received", "k1").statusCode()).isEqualTo(200);
        assertThat(deliver("/hooks/health", "old-secret", second, "whatsapp.message.received", "k2").statusCode()).isEqualTo(200);
        assertThat(deliver("/hooks/health", "other-secret", second, "whatsapp.message.received", "k3").statusCode()).isEqualTo(401);

        mock("events").assertIsSatisfied();
    }
}
