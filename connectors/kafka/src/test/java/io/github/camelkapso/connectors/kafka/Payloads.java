package io.github.camelkapso.connectors.kafka;

import java.util.List;

/** Kapso v2 webhook payloads, as Kapso sends them, built for the tests. */
final class Payloads {

    static final String PHONE_NUMBER_ID = "123456789012345";

    private Payloads() {
    }

    static String text(String wamid, String conversationId, String text) {
        return "{\"message\":" + message(wamid, "received", "\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}")
               + ",\"conversation\":" + conversation(conversationId, "active")
               + ",\"is_new_conversation\":false,\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}";
    }

    static String status(String wamid, String conversationId, String status) {
        return "{\"message\":" + message(wamid, status, "\"type\":\"text\",\"text\":{\"body\":\"Hello\"}")
               + ",\"conversation\":" + conversation(conversationId, "active")
               + ",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}";
    }

    static String conversationEnded(String conversationId) {
        return "{\"conversation\":" + conversation(conversationId, "ended") + ",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}";
    }

    /** An event of a type Kapso may add tomorrow: no conversation, only the phone number. */
    static String unknown(String id) {
        return "{\"id\":\"" + id + "\",\"novelty\":{\"level\":3},\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}";
    }

    static String batch(String eventType, List<String> events) {
        return "{\"type\":\"" + eventType + "\",\"batch\":true,\"data\":[" + String.join(",", events) + "]}";
    }

    private static String message(String wamid, String status, String content) {
        String direction = "received".equals(status) ? "inbound" : "outbound";
        return "{\"id\":\"" + wamid + "\",\"timestamp\":\"1730092801\"," + content
               + ",\"kapso\":{\"direction\":\"" + direction + "\",\"status\":\"" + status + "\",\"phone_number_id\":\""
               + PHONE_NUMBER_ID + "\"}}";
    }

    private static String conversation(String id, String status) {
        return "{\"id\":\"" + id + "\",\"phone_number\":\"+15551234567\",\"status\":\"" + status
               + "\",\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}";
    }
}
