package io.github.camelkapso.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.client.KapsoCallStats;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;

/**
 * The {@code kapso} dev console: per kapso: endpoint of the context, the calls its client made (count, failures, last
 * status), the rate-limit headers Kapso last sent, and the webhook registrations made at Kapso. URIs are sanitised;
 * keys and secrets never appear.
 */
@DevConsole(name = "kapso", displayName = "Kapso", description = "Kapso calls, rate limits and webhook registrations")
public class KapsoDevConsole extends AbstractDevConsole {

    public KapsoDevConsole() {
        super("camel", "kapso", "Kapso", "Kapso calls, rate limits and webhook registrations");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> json = doCallJson(options);
        sb.append(String.format("Kapso: %s calls, %s failures%n", json.get("calls"), json.get("failures")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        for (Map<String, Object> endpoint : endpoints) {
            sb.append(String.format("%n    %s%n", endpoint.get("uri")));
            endpoint.forEach((name, value) -> {
                if (!"uri".equals(name)) {
                    sb.append(String.format("        %s: %s%n", name, value));
                }
            });
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> root = new LinkedHashMap<>();
        KapsoComponent component = getCamelContext().hasComponent("kapso") instanceof KapsoComponent kapso ? kapso : null;
        if (component != null) {
            root.put("calls", component.getCallStats().calls());
            root.put("failures", component.getCallStats().failures());
            root.put("baseUrl", component.getConfiguration().getBaseUrl());
        }
        List<Map<String, Object>> endpoints = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof KapsoEndpoint kapso) {
                endpoints.add(describe(kapso));
            }
        }
        root.put("endpoints", endpoints);
        return root;
    }

    private static Map<String, Object> describe(KapsoEndpoint endpoint) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uri", URISupport.sanitizeUri(endpoint.getEndpointUri()));
        row.put("operation", endpoint.getOperation());
        KapsoCallStats stats = endpoint.isStarted() ? endpoint.getClient().stats() : null;
        if (stats != null) {
            row.put("calls", stats.calls());
            row.put("failures", stats.failures());
            KapsoCallStats.Outcome last = stats.last();
            if (last != null) {
                row.put("lastStatus", last.status());
                row.put("lastOperation", last.operation());
                row.put("lastAt", last.atMillis());
            }
            KapsoCallStats.RateLimit rateLimit = stats.rateLimit();
            if (rateLimit != null) {
                row.put("rateLimitRemaining", rateLimit.remaining());
                row.put("rateLimitLimit", rateLimit.limit());
            }
        }
        if (KapsoComponent.WEBHOOK.equals(endpoint.getOperation())) {
            row.put("webhookPath", endpoint.getWebhookService().path());
            endpoint.getWebhookService().registration().ifPresent(row::putAll);
        }
        return row;
    }
}
