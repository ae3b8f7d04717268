package io.github.camelkapso.connectors.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The record mapper declared as a bean in a YAML DSL route file, as the README shows it. */
class YamlRouteTest {

    private static final String ROUTES = """
            - beans:
                - name: kapsoRecords
                  type: io.github.camelkapso.connectors.kafka.KapsoKafkaRecordMapper
                  properties:
                    topicPattern: "kapso.{family}"
            - route:
                id: yaml-events
                from:
                  uri: direct:events
                  steps:
                    - process:
                        ref: kapsoRecords
                    - to: direct:sent
            """;

    @Test
    void theMapperIsABeanAYamlRouteUses() throws Exception {
        List<Exchange> sent = new CopyOnWriteArrayList<>();
        CamelContext context = new DefaultCamelContext();
        try {
            context.getRegistry().bind("collector", (org.apache.camel.Processor) sent::add);
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sent").process("collector");
                }
            });
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kafka-events.yaml", ROUTES));
            context.start();

            context.createProducerTemplate().sendBodyAndHeader("direct:events", Payloads.conversationEnded("conv_y"),
                    "CamelKapsoEventType", "whatsapp.conversation.ended");

            assertThat(sent).singleElement().satisfies(e -> assertThat(e.getMessage().getHeaders())
                    .containsEntry(KafkaConstants.OVERRIDE_TOPIC, "kapso.conversation")
                    .containsEntry(KafkaConstants.KEY, "conv_y")
                    .containsEntry(KapsoRecordHeaders.EVENT_TYPE, "whatsapp.conversation.ended"));
        } finally {
            context.stop();
        }
    }
}
