package io.github.camelkapso.connectors.kafka;

import java.nio.charset.StandardCharsets;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.event.KapsoEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterLoader;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.SimpleTypeConverter;

/**
 * Registers the type converters that make {@code bodyAs(KapsoEvent.class)} (or {@code MessageReceived.class}, or any
 * other event type) work on an exchange from {@code kafka:}, whose body is the record value as a String or bytes and
 * whose headers carry {@code kapso-event-type} and {@code kapso-payload-version}. Camel loads it from
 * {@code META-INF/services/org/apache/camel/TypeConverterLoader} when this jar is on the classpath.
 * <p>
 * They are plain converters, not a fallback: Camel tries them before the {@code camel-kapso} component's fallback
 * converter, which reads only the {@code CamelKapso*} headers of a {@code kapso:webhook} exchange. Without a
 * {@code kapso-*} header they read those {@code CamelKapso*} headers instead, so a webhook exchange with a JSON text
 * body converts as before.
 */
public final class KapsoRecordConverterLoader implements TypeConverterLoader {

    @Override
    public void load(TypeConverterRegistry registry) {
        register(registry, KapsoEvent.class);
        for (Class<?> type : KapsoEvent.class.getPermittedSubclasses()) {
            register(registry, type);
        }
    }

    private static void register(TypeConverterRegistry registry, Class<?> eventType) {
        registry.addTypeConverter(eventType, String.class, new SimpleTypeConverter(false,
                (type, exchange, value) -> convert(type, exchange, value, ((String) value).getBytes(StandardCharsets.UTF_8))));
        registry.addTypeConverter(eventType, byte[].class, new SimpleTypeConverter(false,
                (type, exchange, value) -> convert(type, exchange, value, (byte[]) value)));
    }

    private static Object convert(Class<?> type, Exchange exchange, Object value, byte[] json) {
        Message message = exchange == null ? null : exchange.getMessage();
        KapsoEvent event = KapsoRecordEvents.read(json, header(message, KapsoRecordHeaders.EVENT_TYPE, KapsoConstants.EVENT_TYPE),
                header(message, KapsoRecordHeaders.PAYLOAD_VERSION, KapsoConstants.PAYLOAD_VERSION));
        if (!type.isInstance(event)) {
            throw new TypeConversionException(value, type, new IllegalArgumentException("The Kapso event is " + event.type()
                    + " (" + event.getClass().getSimpleName() + "), not a " + type.getSimpleName()));
        }
        return event;
    }

    private static String header(Message message, String recordHeader, String consumerHeader) {
        if (message == null) {
            return null;
        }
        String value = KapsoRecordEvents.text(message.getHeader(recordHeader));
        return value != null && !value.isBlank() ? value : KapsoRecordEvents.text(message.getHeader(consumerHeader));
    }
}
