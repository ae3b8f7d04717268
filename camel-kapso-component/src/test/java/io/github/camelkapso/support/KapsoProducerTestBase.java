package io.github.camelkapso.support;

import java.util.Map;

import io.github.camelkapso.KapsoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A Camel context whose {@code kapso} component talks to a {@link KapsoStubServer} over real HTTP. */
public abstract class KapsoProducerTestBase {

    protected static final String API_KEY = "test-key-7d1f0c2a9b";

    protected KapsoStubServer stub;
    protected CamelContext context;
    protected ProducerTemplate template;
    protected KapsoComponent kapso;

    @BeforeEach
    void startCamel() throws Exception {
        stub = new KapsoStubServer();
        context = new DefaultCamelContext();
        kapso = new KapsoComponent();
        kapso.getConfiguration().setApiKey(API_KEY);
        kapso.getConfiguration().setBaseUrl(stub.baseUrl());
        kapso.getConfiguration().setRetryDelay(10);
        configure(kapso);
        configureContext(context);
        context.addComponent("kapso", kapso);
        RouteBuilder routes = routes();
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
        if (stub != null) {
            stub.close();
        }
    }

    /** Component settings for this test class. */
    protected void configure(KapsoComponent component) {
    }

    /** Context settings for this test class, applied before it starts. */
    protected void configureContext(CamelContext context) {
    }

    /** Routes for this test class, or null. */
    protected RouteBuilder routes() {
        return null;
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, ex -> {
            ex.getMessage().setBody(body);
            ex.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }
}
