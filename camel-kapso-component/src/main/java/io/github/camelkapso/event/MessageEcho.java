package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@value KapsoEvents#META_MESSAGE_ECHO}: a message the business sent from the WhatsApp Business app on a number it
 * shares with the Cloud API, as Meta echoes it to a {@code meta} webhook (an item of {@code message_echoes}, Meta's
 * {@code smb_message_echoes} field). Its {@code message} is outbound, {@code from} the business number {@code to} the
 * customer, with the source {@value WhatsAppMessage#SMB_MESSAGE_ECHO}.
 */
public record MessageEcho(String type, WhatsAppMessage message, String phoneNumberId, JsonNode raw)
        implements KapsoEvent {

    static MessageEcho fromMeta(String type, JsonNode value) {
        return new MessageEcho(type,
                WhatsAppMessage.fromMeta(Json.at(value, "message_echoes").path(0), Json.at(value, "metadata"), true),
                Json.text(value, "metadata", "phone_number_id"), value);
    }
}
