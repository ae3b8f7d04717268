package io.github.camelkapso.simulator.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Injected faults, per operation or global ("*"): added latency, an error rate with a status (429 with Retry-After,
 * 500, 503, ...), dropped connections. A rule may be limited to its next {@code count} matching requests.
 */
public final class FaultRules {

    /** What to do to one request. */
    public record Decision(long latencyMillis, int errorStatus, String retryAfter, boolean drop) {
        static final Decision NONE = new Decision(0, 0, null, false);
    }

    private static final class Rule {
        String operation;
        long latencyMillis;
        double errorRate;
        int status;
        String retryAfter;
        double dropRate;
        int remaining;

        ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("operation", operation);
            n.put("latency_ms", latencyMillis);
            n.put("error_rate", errorRate);
            n.put("status", status);
            n.put("retry_after", retryAfter);
            n.put("drop_rate", dropRate);
            n.put("remaining", remaining);
            return n;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /**
     * Adds a rule from its JSON form: {@code {"operation": "sendMessage", "latency_ms": 50, "error_rate": 0.1,
     * "status": 429, "retry_after": "1", "drop_rate": 0, "count": 3}}.
     */
    public ObjectNode add(JsonNode spec) {
        Rule r = new Rule();
        r.operation = spec.path("operation").asText("*");
        r.latencyMillis = spec.path("latency_ms").asLong(0);
        r.errorRate = spec.path("error_rate").asDouble(spec.has("status") ? 1.0 : 0.0);
        r.status = spec.path("status").asInt(500);
        r.retryAfter = spec.hasNonNull("retry_after") ? spec.get("retry_after").asText() : (r.status == 429 ? "1" : null);
        r.dropRate = spec.path("drop_rate").asDouble(0);
        r.remaining = spec.path("count").asInt(-1);
        if (r.errorRate < 0 || r.errorRate > 1 || r.dropRate < 0 || r.dropRate > 1) {
            throw new IllegalArgumentException("error_rate and drop_rate must be between 0 and 1");
        }
        if (r.status < 400 || r.status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599), got " + r.status);
        }
        rules.add(r);
        return r.toJson();
    }

    public void clear() {
        rules.clear();
    }

    public ArrayNode list() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        rules.forEach(r -> out.add(r.toJson()));
        return out;
    }

    public Decision decide(String operation) {
        long latency = 0;
        for (Rule r : new ArrayList<>(rules)) {
            if (!r.operation.equals("*") && !r.operation.equals(operation)) {
                continue;
            }
            latency += r.latencyMillis;
            double roll = ThreadLocalRandom.current().nextDouble();
            boolean drop = roll < r.dropRate;
            boolean error = !drop && roll < r.dropRate + r.errorRate;
            if (drop || error) {
                consume(r);
                return new Decision(latency, error ? r.status : 0, r.retryAfter, drop);
            }
        }
        return latency == 0 ? Decision.NONE : new Decision(latency, 0, null, false);
    }

    private void consume(Rule r) {
        if (r.remaining > 0 && --r.remaining == 0) {
            rules.remove(r);
        }
    }
}
