package io.github.camelkapso.connectors.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings under which "the webhook answers 200" means "the broker acknowledged every event":
 * <ul>
 * <li>{@code acks=all} and the idempotent producer: a record counts as written once every in-sync replica has it, and
 * the client's own retries neither duplicate nor reorder it (at most 5 requests in flight);</li>
 * <li>{@code synchronous=true}: camel-kafka waits for the acknowledgement on the route's thread, so the exchange, and
 * with it the webhook's answer, completes only after it (a failed send fails the exchange and the webhook answers
 * 500, and Kapso retries);</li>
 * <li>{@code lingerMs=0}: each event waits for its own acknowledgement, so lingering would only add latency;</li>
 * <li>timeouts that make a send to an unreachable broker fail well inside Kapso's 10 s answer deadline: at worst
 * {@code maxBlockMs} (waiting for metadata) plus {@code deliveryTimeoutMs}.</li>
 * </ul>
 * Use {@link #uriOptions()} on the {@code kafka:} endpoint, {@link #applyTo(KafkaConfiguration)} on the component's
 * configuration, or {@link #producerProperties()} for a plain {@code KafkaProducer}.
 *
 * @param requestTimeoutMs  how long one produce request may wait for the broker
 * @param deliveryTimeoutMs how long a send may take in all, retries included, once it was accepted
 * @param maxBlockMs        how long a send may block waiting for the topic's metadata
 */
public record KapsoKafkaProducerSettings(int requestTimeoutMs, int deliveryTimeoutMs, int maxBlockMs) {

    public static final String ACKS = "all";
    public static final boolean ENABLE_IDEMPOTENCE = true;
    public static final boolean SYNCHRONOUS = true;
    /** The most the idempotent producer allows while keeping order. */
    public static final int MAX_IN_FLIGHT_REQUESTS = 5;
    public static final int LINGER_MS = 0;
    /** Kapso fails a delivery not answered within this (docs.kapso.ai, webhooks). */
    public static final int KAPSO_ANSWER_DEADLINE_MS = 10_000;

    public KapsoKafkaProducerSettings {
        positive("requestTimeoutMs", requestTimeoutMs);
        positive("deliveryTimeoutMs", deliveryTimeoutMs);
        positive("maxBlockMs", maxBlockMs);
        if (deliveryTimeoutMs < requestTimeoutMs + LINGER_MS) {
            // Kafka refuses this combination when the producer is created
            throw new IllegalArgumentException("deliveryTimeoutMs (" + deliveryTimeoutMs + ") must be at least"
                    + " requestTimeoutMs + lingerMs (" + (requestTimeoutMs + LINGER_MS) + ")");
        }
        if (maxBlockMs + deliveryTimeoutMs >= KAPSO_ANSWER_DEADLINE_MS) {
            throw new IllegalArgumentException("maxBlockMs + deliveryTimeoutMs (" + (maxBlockMs + deliveryTimeoutMs)
                    + ") must stay below Kapso's answer deadline of " + KAPSO_ANSWER_DEADLINE_MS + " ms, so a send to an"
                    + " unreachable broker is answered 500 (and retried) rather than timed out");
        }
    }

    /** 2 s per request, 5 s per send, 2 s waiting for metadata: a failed send is answered after 7 s at worst. */
    public static KapsoKafkaProducerSettings forKapsoWebhooks() {
        return new KapsoKafkaProducerSettings(2_000, 5_000, 2_000);
    }

    /** The camel-kafka endpoint options, in camel-kafka's names, as {@code name=value&...}. */
    public String uriOptions() {
        return endpointOptions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** The camel-kafka endpoint options, in camel-kafka's names. */
    public Map<String, Object> endpointOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("requestRequiredAcks", ACKS);
        options.put("enableIdempotence", ENABLE_IDEMPOTENCE);
        options.put("synchronous", SYNCHRONOUS);
        options.put("maxInFlightRequest", MAX_IN_FLIGHT_REQUESTS);
        options.put("lingerMs", LINGER_MS);
        options.put("requestTimeoutMs", requestTimeoutMs);
        options.put("deliveryTimeoutMs", deliveryTimeoutMs);
        options.put("maxBlockMs", maxBlockMs);
        return options;
    }

    /** Sets these options on a camel-kafka configuration (e.g. the component's, for every kafka: endpoint). */
    public void applyTo(KafkaConfiguration configuration) {
        configuration.setRequestRequiredAcks(ACKS);
        configuration.setEnableIdempotence(ENABLE_IDEMPOTENCE);
        configuration.setSynchronous(SYNCHRONOUS);
        configuration.setMaxInFlightRequest(MAX_IN_FLIGHT_REQUESTS);
        configuration.setLingerMs(LINGER_MS);
        configuration.setRequestTimeoutMs(requestTimeoutMs);
        configuration.setDeliveryTimeoutMs(deliveryTimeoutMs);
        configuration.setMaxBlockMs(maxBlockMs);
    }

    /** The same settings for a plain Kafka producer (no Camel); send with {@code producer.send(record).get()}. */
    public Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.ACKS_CONFIG, ACKS);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ENABLE_IDEMPOTENCE);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT_REQUESTS);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        return properties;
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
