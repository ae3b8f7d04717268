package io.github.camelkapso.consumer.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.event.MetaItem;

/**
 * Turns a Meta webhook body ({@code {"object", "entry": [{"changes": [{"field", "value"}]}]}}) into events: one per
 * {@link MetaItem} (an item of {@code messages}, {@code message_echoes}, {@code statuses} or {@code calls}, or a change
 * without items), its body the change's {@code value} narrowed to that item; or, not split, the whole body as one event.
 */
final class MetaDeliveryReader {

    /** Event type of an unsplit Meta delivery: it may hold items of several kinds. */
    static final String WHOLE_DELIVERY_TYPE = "meta.webhook";

    private final boolean split;

    MetaDeliveryReader(boolean split) {
        this.split = split;
    }

    List<WebhookEvent> read(JsonNode body, String deliveryKey) throws MalformedDeliveryException {
        JsonNode entries = body.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new MalformedDeliveryException("A Meta webhook delivery must have an entry array");
        }
        List<MetaItem> items = MetaItem.allOf(body);
        if (!split) {
            Set<String> types = new LinkedHashSet<>();
            items.forEach(i -> types.add(i.type()));
            String phoneNumberId = items.isEmpty() ? null : items.get(0).phoneNumberId();
            return List.of(new WebhookEvent(WHOLE_DELIVERY_TYPE, types, deliveryKey, body, null, items.size(),
                    phoneNumberId, null, null));
        }
        List<WebhookEvent> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            MetaItem item = items.get(i);
            boolean several = items.size() > 1;
            events.add(new WebhookEvent(item.type(), Set.of(item.type()), several ? deliveryKey + "#" + i : deliveryKey,
                    item.value(), several ? i : null, several ? items.size() : null, item.phoneNumberId(), null,
                    item.messageId()));
        }
        return events;
    }
}
