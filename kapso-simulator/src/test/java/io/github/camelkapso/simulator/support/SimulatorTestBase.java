package io.github.camelkapso.simulator.support;

import java.util.HashMap;
import java.util.Map;

import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.simulator.KapsoSimulator;
import io.github.camelkapso.simulator.SimulatorConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One simulator per test class and a Camel context whose {@code kapso} component talks to it over real HTTP, the
 * way a user's route would.
 */
public abstract class SimulatorTestBase {

    protected static KapsoSimulator simulator;
    protected static CamelContext context;
    protected static ProducerTemplate template;

    @BeforeAll
    static void startSimulatorAndCamel() throws Exception {
        simulator = KapsoSimulator.start(SimulatorConfig.defaults().withTimeFactor(0.001));
        context = new DefaultCamelContext();
        KapsoComponent kapso = new KapsoComponent();
        kapso.getConfiguration().setApiKey(SimulatorConfig.DEFAULT_API_KEY);
        kapso.getConfiguration().setBaseUrl(simulator.baseUrl());
        kapso.getConfiguration().setPhoneNumberId(SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
        kapso.getConfiguration().setBusinessAccountId(SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID);
        kapso.getConfiguration().setRetryDelay(10);
        context.addComponent("kapso", kapso);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stopSimulatorAndCamel() {
        if (context != null) {
            context.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Sends through {@code kapso:<operation>} and returns the exchange (check getException()). */
    protected static Exchange call(String operation, Object body, Map<String, Object> headers) {
        return template.send("kapso:" + operation, ex -> {
            ex.getMessage().setBody(body);
            ex.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    /** Sends and fails the test with Kapso's error if the call did not succeed; returns the answer body as a Map. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> ok(String operation, Object body, Map<String, Object> headers) {
        Exchange ex = call(operation, body, headers);
        if (ex.getException() != null) {
            throw new AssertionError(operation + " failed: " + ex.getException().getMessage(), ex.getException());
        }
        Object answer = ex.getMessage().getBody();
        return answer instanceof Map ? (Map<String, Object>) answer : Map.of("body", answer == null ? "" : answer);
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> data(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("data");
    }
}
