package io.github.camelkapso.health;

import java.util.Map;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.client.KapsoCallStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the {@code kapso} component: DOWN while no API key is configured (on the component or on any kapso
 * endpoint) or while Kapso's newest answer rejected the key;
 * details carry the base URL, call and failure counters and the last outcome. It never calls Kapso itself, so it
 * cannot eat the project's rate limit.
 */
public class KapsoHealthCheck extends AbstractHealthCheck {

    private final KapsoComponent component;

    public KapsoHealthCheck(KapsoComponent component) {
        super("camel", "kapso");
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        KapsoCallStats stats = component.getCallStats();
        builder.detail("baseUrl", component.getConfiguration().getBaseUrl());
        builder.detail("calls", stats.calls());
        builder.detail("failures", stats.failures());
        KapsoCallStats.Outcome last = stats.last();
        if (last != null) {
            builder.detail("lastStatus", last.status());
            builder.detail("lastOperation", last.operation());
        }
        if (!apiKeyConfigured()) {
            builder.message("No Kapso API key configured (apiKey option)").down();
        } else if (stats.credentialsRejected()) {
            builder.message("Kapso rejected the API key (HTTP 401)").down();
        } else {
            builder.up();
        }
    }

    /** A key on the component, or on any kapso endpoint of the context (routes may set it per endpoint only). */
    private boolean apiKeyConfigured() {
        if (hasText(component.getConfiguration().getApiKey())) {
            return true;
        }
        CamelContext context = component.getCamelContext();
        if (context == null) {
            return false;
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof KapsoEndpoint kapso && kapso.getComponent() == component
                && hasText(kapso.getConfiguration().getApiKey())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
