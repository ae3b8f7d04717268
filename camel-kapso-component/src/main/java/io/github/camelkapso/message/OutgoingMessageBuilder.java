package io.github.camelkapso.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope every sent message shares: {@code messaging_product}, {@code to}, {@code type}, the optional reply
 * context, and the type's own object under the key named by the type.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
public abstract class OutgoingMessageBuilder<B extends OutgoingMessageBuilder<B>> {

    private final String to;
    private final String type;
    private String replyTo;

    OutgoingMessageBuilder(String to, String type) {
        this.to = FieldRules.required("to", to);
        this.type = type;
    }

    /** Sends the message as a reply quoting the message with this WhatsApp id ({@code wamid....}). */
    public B replyTo(String messageId) {
        this.replyTo = FieldRules.required("context.message_id", messageId);
        return self();
    }

    /** The Meta JSON body for {@code kapso:sendMessage}, as an unmodifiable Map in wire order. */
    public Map<String, Object> build() {
        Object content = content();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("to", to);
        body.put("type", type);
        if (replyTo != null) {
            body.put("context", JsonObjects.of("message_id", replyTo));
        }
        body.put(type, content);
        return Collections.unmodifiableMap(body);
    }

    /** The object under the type key; checks the rules that need the whole message (minimum counts). */
    abstract Object content();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
