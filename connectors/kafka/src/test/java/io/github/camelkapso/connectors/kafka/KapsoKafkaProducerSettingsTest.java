package io.github.camelkapso.connectors.kafka;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KapsoKafkaProducerSettingsTest {

    private final KapsoKafkaProducerSettings settings = KapsoKafkaProducerSettings.forKapsoWebhooks();

    @Test
    void theUriOptionsAreCamelKafkasOwnAndConfigureAnAcknowledgedSynchronousIdempotentProducer() {
        assertThat(settings.uriOptions()).isEqualTo("requestRequiredAcks=all&enableIdempotence=true&synchronous=true"
                + "&maxInFlightRequest=5&lingerMs=0&requestTimeoutMs=2000&deliveryTimeoutMs=5000&maxBlockMs=2000");
        CamelContext context = new DefaultCamelContext();
        try {
            context.start();
            KafkaConfiguration configuration = context.getEndpoint("kafka:events?brokers=127.0.0.1:9&" + settings.uriOptions(),
                    KafkaEndpoint.class).getConfiguration();
            assertThat(configuration.getRequestRequiredAcks()).isEqualTo("all");
            assertThat(configuration.isEnableIdempotence()).isTrue();
            assertThat(configuration.isSynchronous()).isTrue();
            assertThat(configuration.getMaxInFlightRequest()).isEqualTo(5);
            assertThat(configuration.getLingerMs()).isZero();
            assertThat(configuration.getDeliveryTimeoutMs()).isEqualTo(5000);
            Properties producer = configuration.createProducerProperties();
            assertThat(String.valueOf(producer.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
            assertThat(String.valueOf(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
            assertThat(String.valueOf(producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG))).isEqualTo("2000");
        } finally {
            context.stop();
        }
    }

    @Test
    void applyToAndProducerPropertiesCarryTheSameSettings() {
        KafkaConfiguration configuration = new KafkaConfiguration();
        configuration.setRequestRequiredAcks("1");
        configuration.setSynchronous(false);

        settings.applyTo(configuration);

        assertThat(configuration.getRequestRequiredAcks()).isEqualTo("all");
        assertThat(configuration.isSynchronous()).isTrue();
        assertThat(configuration.getRequestTimeoutMs()).isEqualTo(2000);
        assertThat(settings.producerProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
    }

    @Test
    void timeoutsKafkaWouldRefuseOrThatOutlastKapsosDeadlineAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> new KapsoKafkaProducerSettings(3000, 2000, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deliveryTimeoutMs (2000) must be at least requestTimeoutMs + lingerMs (3000)");
        assertThatThrownBy(() -> new KapsoKafkaProducerSettings(3000, 8000, 2000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxBlockMs + deliveryTimeoutMs (10000) must stay below Kapso's answer deadline of 10000 ms");
        assertThatThrownBy(() -> new KapsoKafkaProducerSettings(0, 2000, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestTimeoutMs must be positive, was 0");
    }
}
