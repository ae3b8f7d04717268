package io.github.camelkapso.health;

import java.util.Map;

import io.github.camelkapso.KapsoComponent;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the {@code kapso} component: DOWN while no API key is configured or while Kapso rejects the key;
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
        String apiKey = component.getConfiguration().getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            builder.message("No Kapso API key configured (apiKey option)").down();
        } else if (stats.credentialsRejected()) {
            builder.message("Kapso rejected the API key (HTTP 401)").down();
        } else {
            builder.up();
        }
    }
}
