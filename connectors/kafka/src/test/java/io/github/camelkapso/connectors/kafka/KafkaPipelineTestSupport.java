package io.github.camelkapso.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelkapso.server.KapsoHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;

/**
 * A Camel context serving {@code kapso:webhook} on a platform-http server on a free port, whose events go through the
 * record mapper to a topic of the class's broker, and a signed client to post deliveries to it.
 */
abstract class KafkaPipelineTestSupport {

    protected static final String SECRET = "whsec-kafka-test-5e1c";

    protected CamelContext context;
    protected SignedWebhookClient webhook;

    /** Starts a context whose webhook at /kapso writes to {@code topic} (or to family topics under {@code pattern}). */
    protected void startPipeline(String bootstrapServers, String topic, String pattern, KapsoKafkaProducerSettings settings)
            throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServer server = new KapsoHttpServer(KapsoHttpServer.configuration("127.0.0.1", 0));
        context.addService(server);
        context.getRegistry().bind("seen", new MemoryIdempotentRepository());
        KapsoKafkaRecordMapper mapper = new KapsoKafkaRecordMapper();
        mapper.setTopicPattern(pattern);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kapso:webhook?path=/kapso&webhookIdempotentRepository=#seen&webhookSecret=" + SECRET)
                        .routeId("events-to-kafka")
                        .process(mapper)
                        .to("kafka:" + topic + "?brokers=" + bootstrapServers + "&" + settings.uriOptions());
            }
        });
        context.start();
        webhook = new SignedWebhookClient("http://127.0.0.1:" + server.getPort() + "/kapso", SECRET);
    }

    @AfterEach
    void stopPipeline() {
        if (context != null) {
            context.stop();
        }
    }

    protected static Map<String, String> headersOf(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
