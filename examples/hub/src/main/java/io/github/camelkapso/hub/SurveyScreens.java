package io.github.camelkapso.hub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The data-endpoint logic of the seeded {@code sample_survey} Flow: INIT opens the RATE screen with its options;
 * a data exchange from RATE closes the Flow with the answers, which come back to the business as the Flow reply.
 */
final class SurveyScreens implements Processor {

    static final List<Map<String, String>> RATINGS = List.of(
            Map.of("id", "5", "title", "Excellent"), Map.of("id", "4", "title", "Good"), Map.of("id", "3", "title", "Fair"),
            Map.of("id", "2", "title", "Poor"), Map.of("id", "1", "title", "Bad"));

    @Override
    public void process(Exchange exchange) {
        String action = exchange.getMessage().getHeader("CamelKapsoFlowAction", String.class);
        Map<?, ?> request = exchange.getMessage().getBody(Map.class);
        Map<String, Object> reply = new LinkedHashMap<>();
        if ("INIT".equals(action) || "BACK".equals(action)) {
            reply.put("screen", "RATE");
            reply.put("data", Map.of("ratings", RATINGS));
        } else {
            Object data = request == null ? Map.of() : request.get("data");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("flow_token", request == null ? null : request.get("flow_token"));
            params.put("answers", data);
            reply.put("screen", "SUCCESS");
            reply.put("data", Map.of("extension_message_response", Map.of("params", params)));
        }
        exchange.getMessage().setBody(reply);
    }
}
