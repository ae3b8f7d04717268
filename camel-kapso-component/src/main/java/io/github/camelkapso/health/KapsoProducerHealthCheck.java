package io.github.camelkapso.health;

import java.util.Map;

import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.client.KapsoCallStats;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one {@code kapso:} producer, registered in Camel's "producers" health-check repository while the
 * producer runs: DOWN while its endpoint has no API key or while Kapso's newest answer to its client rejected the key;
 * details carry the base URL, call and failure counters, the last outcome and the rate-limit headers. It never calls
 * Kapso itself, so it cannot eat the project's rate limit.
 */
public class KapsoProducerHealthCheck extends AbstractHealthCheck {

    private final KapsoEndpoint endpoint;

    public KapsoProducerHealthCheck(KapsoEndpoint endpoint) {
        super("camel", "producer:kapso-" + endpoint.getOperation());
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        builder.detail("operation", endpoint.getOperation());
        KapsoCallStats stats = endpoint.getClient().stats();
        builder.detail("calls", stats.calls());
        builder.detail("failures", stats.failures());
        KapsoCallStats.Outcome last = stats.last();
        if (last != null) {
            builder.detail("lastStatus", last.status());
            builder.detail("lastOperation", last.operation());
        }
        KapsoCallStats.RateLimit rateLimit = stats.rateLimit();
        if (rateLimit != null && rateLimit.remaining() != null) {
            builder.detail("rateLimitRemaining", rateLimit.remaining());
        }
        String apiKey = endpoint.getConfiguration().getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            builder.message("No Kapso API key configured (apiKey option)").down();
        } else if (stats.credentialsRejected()) {
            builder.message("Kapso rejected the API key (HTTP 401)").down();
        } else {
            builder.up();
        }
    }
}
