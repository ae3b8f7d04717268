package io.github.camelkapso.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interactive {@code type: button}: one to three reply buttons under the body. Meta's rules: ids up to 256 characters,
 * titles up to 20, both unique within the message; body up to 1024 characters; a text, image, video or document
 * header.
 */
public final class ReplyButtonsMessageBuilder extends InteractiveMessageBuilder<ReplyButtonsMessageBuilder> {

    static final int MAX_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_ID = 256;
    static final int MAX_TITLE = 20;

    private final List<Map<String, Object>> buttons = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();

    ReplyButtonsMessageBuilder(String to, String body) {
        super(to, "button", body, MAX_BODY);
    }

    /**
     * @param id    what the webhook receives when the button is tapped
     * @param title what the button shows
     */
    public ReplyButtonsMessageBuilder button(String id, String title) {
        String field = "interactive.action.buttons[" + buttons.size() + "].reply";
        FieldRules.atMostItems("interactive.action.buttons", buttons.size() + 1, MAX_BUTTONS, "reply buttons");
        FieldRules.requiredAtMost(field + ".id", id, MAX_ID);
        if (!id.equals(id.strip())) {
            throw new IllegalArgumentException(field + ".id must not start or end with whitespace");
        }
        FieldRules.requiredAtMost(field + ".title", title, MAX_TITLE);
        FieldRules.unique(field + ".id", ids, id);
        FieldRules.unique(field + ".title", titles, title);
        ids.add(id);
        titles.add(title);
        buttons.add(JsonObjects.of("type", "reply", "reply", JsonObjects.of("id", id, "title", title)));
        return this;
    }

    public ReplyButtonsMessageBuilder headerImage(Media media) {
        return mediaHeader("image", media);
    }

    public ReplyButtonsMessageBuilder headerVideo(Media media) {
        return mediaHeader("video", media);
    }

    public ReplyButtonsMessageBuilder headerDocument(Media media) {
        return mediaHeader("document", media);
    }

    @Override
    Map<String, Object> action() {
        FieldRules.atLeastOne("interactive.action.buttons", buttons, "reply button");
        return JsonObjects.of("buttons", List.copyOf(buttons));
    }

    private ReplyButtonsMessageBuilder mediaHeader(String kind, Media media) {
        return header(JsonObjects.of("type", kind, kind, Media.required("interactive.header." + kind, media).toMap()));
    }
}
