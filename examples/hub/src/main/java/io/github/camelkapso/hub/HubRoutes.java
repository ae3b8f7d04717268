package io.github.camelkapso.hub;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * The hub's routes: Kapso events into H2 (every write an upsert on a stable id), an automatic answer to inbound
 * texts, the Flows data endpoint of the sample Flow, and a one-line summary every few seconds.
 */
public final class HubRoutes extends RouteBuilder {

    public static final String WEBHOOK_PATH = "/kapso/webhooks";
    public static final String FLOWS_PATH = "/kapso/flows";
    static final String DATA_SOURCE = "hubDataSource";
    static final String IDEMPOTENCY = "webhookIdempotency";
    private static final String SQL = "sql:classpath:sql/%s.sql?dataSource=#" + DATA_SOURCE + "&noop=true";

    private final HubSettings settings;
    private final Path flowsPrivateKey;

    public HubRoutes(HubSettings settings, Path flowsPrivateKey) {
        this.settings = settings;
        this.flowsPrivateKey = flowsPrivateKey;
    }

    @Override
    public void configure() {
        from("kapso:webhook?path=" + WEBHOOK_PATH + "&autoRegister=true&publicUrl=" + settings.webhookUrl()
             + "&allowInsecureUrl=" + settings.embedded() + "&webhookIdempotentRepository=#" + IDEMPOTENCY)
                .routeId("kapso-events")
                .process(new EventRows())
                .to(String.format(SQL, "upsert-event"))
                .filter(simple("${body[wamid]} != null"))
                    .to(String.format(SQL, "upsert-message"))
                .end()
                .filter(simple("${body[conversationId]} != null"))
                    .to(String.format(SQL, "upsert-conversation"))
                .end()
                .filter(simple("${body[eventType]} == 'whatsapp.message.received' && ${body[messageType]} == 'text'"))
                    .wireTap("direct:auto-reply")
                .end();

        from("direct:auto-reply")
                .routeId("auto-reply")
                .filter(constant(settings.autoReply()))
                .setHeader("CamelKapsoPhoneNumberId", simple("${body[phoneNumberId]}"))
                .process(e -> {
                    Map<?, ?> row = e.getMessage().getBody(Map.class);
                    e.getMessage().setBody(Map.of(
                            "messaging_product", "whatsapp",
                            "to", row.get("contact"),
                            "type", "text",
                            "text", Map.of("body", "Thanks! We got your message: \"" + row.get("text") + "\"")));
                })
                .to("kapso:sendMessage")
                .log(org.apache.camel.LoggingLevel.DEBUG, "auto-reply ${header.CamelKapsoMessageId} sent");

        from("kapso:flowsDataEndpoint?path=" + FLOWS_PATH + "&flowsPrivateKeyFile=" + flowsPrivateKey)
                .routeId("flows-data-endpoint")
                .process(new SurveyScreens());

        from("timer:hub-summary?period=" + settings.summaryPeriodMs())
                .routeId("summary")
                .to("sql:classpath:sql/summary.sql?dataSource=#" + DATA_SOURCE + "&outputType=SelectOne")
                .log("hub: events=${body[EVENTS]} inbound=${body[INBOUND]} outbound=${body[OUTBOUND]}"
                     + " read=${body[READ_OUTBOUND]} failed=${body[FAILED]} conversations=${body[CONVERSATIONS]}");
    }
}
