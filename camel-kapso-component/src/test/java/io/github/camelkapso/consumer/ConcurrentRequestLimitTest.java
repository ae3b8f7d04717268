package io.github.camelkapso.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.support.PlatformHttpTestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentRequestLimitTest {

    @Test
    void aLimitBelowOneFailsTheRouteStartNamingTheOption() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PlatformHttpTestServer.addTo(context);
            context.addComponent("kapso", new KapsoComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kapso:webhook?maxConcurrentRequests=0&webhookSecret=s3cret-value").to("mock:never");
                }
            });

            assertThatThrownBy(context::start)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxConcurrentRequests must be at least 1, was 0");
        }
    }
}
