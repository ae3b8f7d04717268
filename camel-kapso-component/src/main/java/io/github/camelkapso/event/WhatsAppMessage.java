package io.github.camelkapso.event;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WhatsApp message as Kapso (or Meta) describes it. Only the part matching {@link #type()} is set: {@code text} for
 * text, {@code media} for image/video/audio/document/sticker, {@code interactive} for interactive and button replies,
 * {@code order} for an order, and so on; the rest are null (or an empty list). Everything else is in {@link #raw()}.
 *
 * @param timestamp        Unix seconds, as WhatsApp sends it
 * @param from             the sender's number; may be null for users known only by their business-scoped id
 * @param text             the body of a text message
 * @param contextMessageId the id of the message this one replies to
 * @param referredProduct  the catalog product the customer asked about, when the message came from one
 * @param direction        inbound or outbound: Kapso's {@code kapso.direction}; for a Meta message, outbound when it
 *                         is an echo or comes from the business's own number, otherwise inbound
 * @param source           {@value #SMB_MESSAGE_ECHO} for a message Meta echoed from the WhatsApp Business app,
 *                         otherwise null
 * @param status           Kapso's delivery status: received, pending, sent, delivered, read, failed
 * @param origin           cloud_api, business_app or history_sync (Kapso only)
 * @param content          Kapso's text rendering of the message (captions, media summaries, transcripts)
 * @param transcript       the transcript of a voice message, when Kapso made one
 */
public record WhatsAppMessage(String id, String timestamp, String type, String from, String to, String text,
                              Media media, Interactive interactive, Location location, List<SharedContact> contacts,
                              Reaction reaction, Order order, String contextMessageId, ReferredProduct referredProduct,
                              String direction, String source, String status, String origin, String content,
                              String transcript, JsonNode raw) {

    /** The {@link #source()} of a message echo, named as Kapso's SDK names it. */
    public static final String SMB_MESSAGE_ECHO = "smb_message_echo";

    /** A message of a Kapso payload, its Kapso extensions in {@code kapso}. */
    static WhatsAppMessage fromKapso(JsonNode message) {
        return read(message, Json.text(message, "kapso", "direction"), null);
    }

    /**
     * A message of a Meta change value: an item of {@code messages}, or of {@code message_echoes} when {@code echo}.
     * Meta does not say which way a message went; what it puts in {@code messages} is what the number received, unless
     * it was sent from the number itself.
     */
    static WhatsAppMessage fromMeta(JsonNode message, JsonNode metadata, boolean echo) {
        if (echo) {
            return read(message, "outbound", SMB_MESSAGE_ECHO);
        }
        String from = digits(Json.text(message, "from"));
        return read(message, from != null && businessNumbers(metadata).contains(from) ? "outbound" : "inbound", null);
    }

    public boolean inbound() {
        return "inbound".equals(direction);
    }

    public boolean outbound() {
        return "outbound".equals(direction);
    }

    private static WhatsAppMessage read(JsonNode message, String direction, String source) {
        if (message == null || !message.isObject()) {
            return null;
        }
        String type = Json.text(message, "type");
        JsonNode kapso = Json.at(message, "kapso");
        return new WhatsAppMessage(Json.text(message, "id"), Json.text(message, "timestamp"), type,
                Json.text(message, "from"), Json.text(message, "to"), Json.text(message, "text", "body"),
                Media.isMediaType(type) ? Media.of(type, message) : null, Interactive.of(message), Location.of(message),
                SharedContact.allOf(message), Reaction.of(message), Order.of(message),
                Json.text(message, "context", "id"), ReferredProduct.of(message), direction, source,
                Json.text(kapso, "status"), Json.text(kapso, "origin"), Json.text(kapso, "content"),
                Json.text(kapso, "transcript", "text"), message);
    }

    /** The business's phone number id and display number, digits only, as Meta writes a sender's number. */
    private static Set<String> businessNumbers(JsonNode metadata) {
        return Stream.of(Json.text(metadata, "phone_number_id"), Json.text(metadata, "display_phone_number"))
                .map(WhatsAppMessage::digits).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static String digits(String number) {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}
