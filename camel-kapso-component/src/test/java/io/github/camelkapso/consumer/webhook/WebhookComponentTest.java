package io.github.camelkapso.consumer.webhook;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookComponentTest extends WebhookTestSupport {

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:kapso:webhook?webhookSecret=" + SECRET + "&webhookAutoRegister=false&webhookComponentName=platform-http").to("mock:events");
            }
        };
    }

    @Test
    void spike() throws Exception {
        byte[] body = utf8("{\"message\":{\"id\":\"wamid.1\"}}");
        var response = deliver("/kapso/webhooks", SECRET, body, "whatsapp.message.received", "k1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock("events").getReceivedCounter()).isEqualTo(1);
    }
}
