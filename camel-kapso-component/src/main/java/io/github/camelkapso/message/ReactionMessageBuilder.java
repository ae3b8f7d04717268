package io.github.camelkapso.message;

/** {@code type: reaction}: an emoji on an earlier message, or an empty one to take a reaction back. */
public final class ReactionMessageBuilder extends OutgoingMessageBuilder<ReactionMessageBuilder> {

    private final String messageId;
    private final String emoji;

    ReactionMessageBuilder(String to, String messageId, String emoji) {
        super(to, "reaction");
        this.messageId = FieldRules.required("reaction.message_id", messageId);
        if (emoji == null) {
            throw new IllegalArgumentException("reaction.emoji is required (an empty emoji removes the reaction)");
        }
        this.emoji = emoji;
    }

    @Override
    Object content() {
        return JsonObjects.of("message_id", messageId, "emoji", emoji);
    }
}
