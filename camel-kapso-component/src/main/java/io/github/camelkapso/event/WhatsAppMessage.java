package io.github.camelkapso.event;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WhatsApp message as Kapso (or Meta) describes it. Only the part matching {@link #type()} is set: {@code text} for
 * text, {@code media} for image/video/audio/document/sticker, {@code interactive} for interactive and button replies,
 * and so on; the rest are null (or an empty list). Everything else is in {@link #raw()}.
 *
 * @param timestamp        Unix seconds, as WhatsApp sends it
 * @param from             the sender's number; may be null for users known only by their business-scoped id
 * @param text             the body of a text message
 * @param contextMessageId the id of the message this one replies to
 * @param direction        inbound or outbound (Kapso's {@code kapso.direction})
 * @param status           Kapso's delivery status: received, pending, sent, delivered, read, failed
 * @param origin           cloud_api, business_app or history_sync
 * @param content          Kapso's text rendering of the message (captions, media summaries, transcripts)
 * @param transcript       the transcript of a voice message, when Kapso made one
 */
public record WhatsAppMessage(String id, String timestamp, String type, String from, String to, String text,
                              Media media, Interactive interactive, Location location, List<SharedContact> contacts,
                              Reaction reaction, String contextMessageId, String direction, String status,
                              String origin, String content, String transcript, JsonNode raw) {

    static WhatsAppMessage of(JsonNode message) {
        if (message == null || !message.isObject()) {
            return null;
        }
        String type = Json.text(message, "type");
        JsonNode kapso = Json.at(message, "kapso");
        return new WhatsAppMessage(Json.text(message, "id"), Json.text(message, "timestamp"), type,
                Json.text(message, "from"), Json.text(message, "to"), Json.text(message, "text", "body"),
                Media.isMediaType(type) ? Media.of(type, message) : null, Interactive.of(message), Location.of(message),
                SharedContact.allOf(message), Reaction.of(message), Json.text(message, "context", "id"),
                Json.text(kapso, "direction"), Json.text(kapso, "status"), Json.text(kapso, "origin"),
                Json.text(kapso, "content"), Json.text(kapso, "transcript", "text"), message);
    }

    public boolean inbound() {
        return "inbound".equals(direction);
    }
}
