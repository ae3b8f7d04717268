package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The media of an image, video, audio, document or sticker message. {@code url} is the link the message carried or the
 * Kapso-hosted copy ({@code kapso.media_url}); Kapso-hosted URLs need the API key to download.
 *
 * @param kind one of image, video, audio, document, sticker
 */
public record Media(String kind, String id, String caption, String mimeType, String filename, String url) {

    static Media of(String kind, JsonNode message) {
        JsonNode media = Json.container(message, kind);
        if (media == null) {
            return null;
        }
        JsonNode kapso = Json.at(message, "kapso");
        return new Media(kind, Json.text(media, "id"),
                Json.firstText(Json.text(media, "caption"), Json.text(kapso, "message_type_data", "caption")),
                Json.firstText(Json.text(media, "mime_type"), Json.text(kapso, "media_data", "content_type")),
                Json.firstText(Json.text(media, "filename"), Json.text(kapso, "media_data", "filename")),
                Json.firstText(Json.text(media, "link"), Json.text(media, "url"), Json.text(kapso, "media_url"),
                        Json.text(kapso, "media_data", "url")));
    }

    static boolean isMediaType(String type) {
        return "image".equals(type) || "video".equals(type) || "audio".equals(type) || "document".equals(type)
               || "sticker".equals(type);
    }
}
