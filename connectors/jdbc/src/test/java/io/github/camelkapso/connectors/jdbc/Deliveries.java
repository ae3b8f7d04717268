package io.github.camelkapso.connectors.jdbc;

/** Kapso v2 webhook payloads (the shapes of Kapso's webhook contract), built per test. */
final class Deliveries {

    static final String NUMBER_ID = "123456789012345";

    private Deliveries() {
    }

    static String conversation(String id, String status, String lastActiveAt) {
        return """
                {"id": "%s", "phone_number": "+15551234567", "status": "%s", "last_active_at": "%s",
                 "created_at": "2025-10-28T13:40:00Z", "updated_at": "%s", "metadata": {},
                 "phone_number_id": "%s", "kapso": {"contact_name": "John Doe"}}"""
                .formatted(id, status, lastActiveAt, lastActiveAt, NUMBER_ID);
    }

    static String text(String wamid, String from, String body, long timestamp) {
        return """
                {"message": {"id": "%s", "timestamp": "%d", "type": "text", "from": "%s", "text": {"body": "%s"},
                             "kapso": {"direction": "inbound", "status": "received", "origin": "cloud_api", "content": "%s"}},
                 "conversation": %s, "is_new_conversation": false, "phone_number_id": "%s"}"""
                .formatted(wamid, timestamp, from, body, body,
                        conversation("conv_123", "active", "2025-10-28T14:25:01Z"), NUMBER_ID);
    }

    static String image(String wamid) {
        return """
                {"message": {"id": "%s", "timestamp": "1730092900", "type": "image", "from": "15551234567",
                             "image": {"id": "media_id_123", "caption": "Our receipt", "mime_type": "image/jpeg"},
                             "kapso": {"direction": "inbound", "status": "received", "origin": "cloud_api", "has_media": true,
                                       "media_url": "https://api.kapso.ai/media/abc.jpg",
                                       "media_data": {"url": "https://api.kapso.ai/media/abc.jpg", "filename": "abc.jpg",
                                                      "content_type": "image/jpeg", "byte_size": 2048}}},
                 "conversation": %s, "is_new_conversation": false, "phone_number_id": "%s"}"""
                .formatted(wamid, conversation("conv_123", "active", "2025-10-28T14:30:00Z"), NUMBER_ID);
    }

    /** An outbound message's status event; failed carries Meta's 131047. */
    static String status(String wamid, String status, long timestamp) {
        String errors = "failed".equals(status)
                ? ", \"errors\": [{\"code\": 131047, \"title\": \"Re-engagement message\", \"message\": \"More than 24"
                  + " hours have passed\", \"error_data\": {\"details\": \"Outside the window\"}}]"
                : "";
        return """
                {"message": {"id": "%s", "timestamp": "1730092860", "type": "text", "to": "15551234567",
                             "text": {"body": "On my way"},
                             "kapso": {"direction": "outbound", "status": "%s", "origin": "cloud_api",
                                       "statuses": [{"id": "%s", "status": "%s", "timestamp": "%d",
                                                     "recipient_id": "15551234567"%s}]}},
                 "conversation": {"id": "conv_123", "phone_number_id": "%s"},
                 "is_new_conversation": false, "phone_number_id": "%s"}"""
                .formatted(wamid, status, wamid, status, timestamp, errors, NUMBER_ID, NUMBER_ID);
    }

    static String conversationEnded() {
        return "{\"conversation\": " + conversation("conv_123", "ended", "2025-10-28T15:00:00Z")
               + ", \"phone_number_id\": \"" + NUMBER_ID + "\"}";
    }

    static String batch(String type, String... items) {
        return "{\"type\": \"" + type + "\", \"batch\": true, \"data\": [" + String.join(",", items) + "],"
               + " \"batch_info\": {\"size\": " + items.length + ", \"conversation_id\": \"conv_123\"}}";
    }
}
