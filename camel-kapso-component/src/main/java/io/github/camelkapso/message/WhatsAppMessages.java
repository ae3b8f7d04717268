package io.github.camelkapso.message;

/**
 * Builders of the WhatsApp message bodies {@code kapso:sendMessage} takes, each checking Meta's limits as values come
 * in (an {@link IllegalArgumentException} names the field and the rule) and building the exact Meta JSON as a Map:
 *
 * <pre>{@code
 * from("direct:ask")
 *     .setBody(exchange -> WhatsAppMessages.replyButtons("15551234567", "Confirm your booking?")
 *             .button("yes", "Confirm")
 *             .button("no", "Cancel")
 *             .build())
 *     .to("kapso:sendMessage?phoneNumberId={{kapso.phone-number-id}}");
 * }</pre>
 */
public final class WhatsAppMessages {

    private WhatsAppMessages() {
    }

    /** A text message; body up to 4096 characters. */
    public static TextMessageBuilder text(String to, String body) {
        return new TextMessageBuilder(to, body);
    }

    public static MediaMessageBuilder image(String to, Media media) {
        return new MediaMessageBuilder(to, "image", media);
    }

    public static MediaMessageBuilder video(String to, Media media) {
        return new MediaMessageBuilder(to, "video", media);
    }

    public static MediaMessageBuilder audio(String to, Media media) {
        return new MediaMessageBuilder(to, "audio", media);
    }

    public static MediaMessageBuilder document(String to, Media media) {
        return new MediaMessageBuilder(to, "document", media);
    }

    public static MediaMessageBuilder sticker(String to, Media media) {
        return new MediaMessageBuilder(to, "sticker", media);
    }

    /** An approved template, e.g. {@code template(to, "order_update", "en_US")}. */
    public static TemplateMessageBuilder template(String to, String name, String languageCode) {
        return new TemplateMessageBuilder(to, name, languageCode);
    }

    /** Up to three reply buttons under the body; add them with {@code button(id, title)}. */
    public static ReplyButtonsMessageBuilder replyButtons(String to, String body) {
        return new ReplyButtonsMessageBuilder(to, body);
    }

    /** A menu that opens from a button labelled {@code button}; add {@code section(title)} and {@code row(...)}. */
    public static ListMessageBuilder list(String to, String body, String button) {
        return new ListMessageBuilder(to, body, button);
    }

    public static ReactionMessageBuilder reaction(String to, String messageId, String emoji) {
        return new ReactionMessageBuilder(to, messageId, emoji);
    }

    /** Takes back the reaction on that message. */
    public static ReactionMessageBuilder removeReaction(String to, String messageId) {
        return new ReactionMessageBuilder(to, messageId, "");
    }

    public static LocationMessageBuilder location(String to, double latitude, double longitude) {
        return new LocationMessageBuilder(to, latitude, longitude);
    }

    /** Marks a received message as read; add {@code withTypingIndicator()} to show "typing…" too. */
    public static MarkAsReadBuilder markAsRead(String messageId) {
        return new MarkAsReadBuilder(messageId);
    }
}
