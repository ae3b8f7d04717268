package io.github.camelkapso.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code type: interactive}: header, body, footer and the action of the interactive kind.
 *
 * @param <B> the concrete builder, so chained calls keep their type
 */
public abstract class InteractiveMessageBuilder<B extends InteractiveMessageBuilder<B>> extends OutgoingMessageBuilder<B> {

    static final int MAX_HEADER_TEXT = 60;
    static final int MAX_FOOTER_TEXT = 60;

    private final String interactiveType;
    private final String body;
    private Map<String, Object> header;
    private String footer;

    InteractiveMessageBuilder(String to, String interactiveType, String body, int maxBody) {
        super(to, "interactive");
        this.interactiveType = interactiveType;
        this.body = FieldRules.requiredAtMost("interactive.body.text", body, maxBody);
    }

    /** Plain text above the body (WhatsApp rejects markdown in interactive headers). */
    public B headerText(String text) {
        return header(JsonObjects.of("type", "text", "text",
                FieldRules.requiredAtMost("interactive.header.text", text, MAX_HEADER_TEXT)));
    }

    public B footer(String text) {
        this.footer = FieldRules.requiredAtMost("interactive.footer.text", text, MAX_FOOTER_TEXT);
        return self();
    }

    B header(Map<String, Object> header) {
        if (this.header != null) {
            throw new IllegalArgumentException("interactive.header is already set; a message has one header");
        }
        this.header = header;
        return self();
    }

    /** The {@code action} object; checks the rules that need all of it. */
    abstract Map<String, Object> action();

    @Override
    final Object content() {
        Map<String, Object> action = action();
        Map<String, Object> interactive = new LinkedHashMap<>();
        interactive.put("type", interactiveType);
        if (header != null) {
            interactive.put("header", header);
        }
        interactive.put("body", JsonObjects.of("text", body));
        if (footer != null) {
            interactive.put("footer", JsonObjects.of("text", footer));
        }
        interactive.put("action", action);
        return interactive;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
