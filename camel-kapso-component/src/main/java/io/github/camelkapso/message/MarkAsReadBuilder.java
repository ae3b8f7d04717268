package io.github.camelkapso.message;

import java.util.Collections;
import java.util.Map;

/**
 * The {@code kapso:sendMessage} body that marks a received message as read (blue ticks), optionally showing the
 * typing indicator until the reply is sent or about 25 seconds pass. It has no {@code to}: the message id says which
 * conversation.
 */
public final class MarkAsReadBuilder {

    private final String messageId;
    private boolean typingIndicator;

    MarkAsReadBuilder(String messageId) {
        this.messageId = FieldRules.required("message_id", messageId);
    }

    /** Shows "typing…" to the sender while the reply is prepared. */
    public MarkAsReadBuilder withTypingIndicator() {
        this.typingIndicator = true;
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> body = JsonObjects.of("messaging_product", "whatsapp", "status", "read");
        body.put("message_id", messageId);
        if (typingIndicator) {
            body.put("typing_indicator", JsonObjects.of("type", "text"));
        }
        return Collections.unmodifiableMap(body);
    }
}
