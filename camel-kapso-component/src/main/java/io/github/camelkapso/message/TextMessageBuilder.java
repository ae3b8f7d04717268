package io.github.camelkapso.message;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code type: text}. */
public final class TextMessageBuilder extends OutgoingMessageBuilder<TextMessageBuilder> {

    static final int MAX_BODY = 4096;

    private final String body;
    private Boolean previewUrl;

    TextMessageBuilder(String to, String body) {
        super(to, "text");
        this.body = FieldRules.requiredAtMost("text.body", body, MAX_BODY);
    }

    /** Whether WhatsApp renders a preview of the first URL in the body (Meta's default: no preview). */
    public TextMessageBuilder previewUrl(boolean preview) {
        this.previewUrl = preview;
        return this;
    }

    @Override
    Object content() {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("body", body);
        if (previewUrl != null) {
            text.put("preview_url", previewUrl);
        }
        return text;
    }
}
