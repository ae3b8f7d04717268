package io.github.camelkapso.health;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kapso dev console, found the way Camel finds consoles, and the endpoints' service location. */
class KapsoDevConsoleTest extends KapsoProducerTestBase {

    private static final String SEND = "kapso:sendMessage?phoneNumberId=1065&maxRetries=0";

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(SEND);
            }
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsCallsRateLimitsAndNoKey() {
        stub.respond(r -> StubResponse.json(200, "{\"messages\":[{\"id\":\"wamid.1\"}]}")
                .withHeader("X-RateLimit-Remaining", "41").withHeader("X-RateLimit-Limit", "50"));
        send("direct:send", Map.of("to", "1555", "type", "text", "text", Map.of("body", "hi")));

        // how Camel's console registry finds consoles by id
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("kapso");
        assertThat(console).as("kapso console discovered from META-INF").isNotNull();
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        assertThat(json).containsEntry("calls", 1L).containsEntry("failures", 0L);
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        assertThat(endpoints).anySatisfy(e -> assertThat(e)
                .containsEntry("operation", "sendMessage")
                .containsEntry("calls", 1L)
                .containsEntry("lastStatus", 200)
                .containsEntry("rateLimitRemaining", 41L)
                .containsEntry("rateLimitLimit", 50L));
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("kapso://sendMessage").contains("rateLimitRemaining: 41").doesNotContain(API_KEY);
        assertThat(json.toString()).doesNotContain(API_KEY);
    }

    @Test
    void endpointsSayWhereTheyTalkTo() {
        KapsoEndpoint send = context.getEndpoint(SEND, KapsoEndpoint.class);
        assertThat(send.getServiceUrl()).isEqualTo(stub.baseUrl());
        assertThat(send.getServiceProtocol()).isEqualTo("http");
        assertThat(send.getServiceMetadata()).containsEntry("operation", "sendMessage").containsEntry("phoneNumberId", "1065");

        KapsoEndpoint webhook = context.getEndpoint("kapso:webhook?path=/in&webhookSecret=s", KapsoEndpoint.class);
        assertThat(webhook.getServiceUrl()).isEqualTo("/in");
        KapsoEndpoint flows = context.getEndpoint("kapso:flowsDataEndpoint", KapsoEndpoint.class);
        assertThat(flows.getServiceUrl()).isEqualTo("/kapso/flows");
        assertThat(send.getServiceMetadata().toString()).doesNotContain(API_KEY);
    }
}
