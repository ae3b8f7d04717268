package io.github.camelkapso.simulator.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimClock;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The conversation model every messaging surface shares: contacts, conversations, inbound and outbound messages,
 * the 24-hour customer service window, and the status lifecycle (sent → delivered → read, or failed for numbers
 * configured to fail), each step reported to {@link io.github.camelkapso.simulator.SimEvents} as v2 payloads.
 */
public final class Messaging {

    /** Kapso's delays before each status, before the time factor. */
    static final long SENT_AFTER_MS = 200;
    static final long DELIVERED_AFTER_MS = 1_000;
    static final long READ_AFTER_MS = 3_000;
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    /** Store indexes: contacts by wa_id, conversations by number and user (phone_number_id + wa_id). */
    public static final String BY_WA_ID = "wa_id";
    public static final String BY_NUMBER_AND_USER = "phone_number_id+phone_number";

    private final SimContext ctx;
    private final Store messages;
    private final Store conversations;
    private final Store contacts;

    public Messaging(SimContext ctx) {
        this.ctx = ctx;
        this.messages = ctx.state().store(Stores.MESSAGES);
        this.conversations = ctx.state().store(Stores.CONVERSATIONS);
        this.contacts = ctx.state().store(Stores.CONTACTS);
        contacts.index(BY_WA_ID, c -> c.hasNonNull("wa_id") ? c.get("wa_id").asText() : null);
        conversations.index(BY_NUMBER_AND_USER, c -> numberAndUser(c.path("phone_number_id").asText(), c.path("phone_number").asText()));
    }

    private static String numberAndUser(String phoneNumberId, String waId) {
        return phoneNumberId + "|" + waId;
    }

    /** The contact with this wa_id (digits), if any. */
    public Optional<ObjectNode> contactByWaId(String waId) {
        String wa = digits(waId);
        for (ObjectNode c : contacts.indexed(BY_WA_ID, wa)) {
            if (wa.equals(c.path("wa_id").asText())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The conversations (any status) between a number and a user, oldest first. */
    public List<ObjectNode> conversations(String phoneNumberId, String waId) {
        return conversations.indexed(BY_NUMBER_AND_USER, numberAndUser(phoneNumberId, digits(waId)));
    }

    /** The one Messaging of a simulator instance (kept in the context so every module shares it). */
    public static Messaging of(SimContext ctx) {
        return ctx.shared(Messaging.class, () -> new Messaging(ctx));
    }

    /** Digits only, as Kapso stores wa_ids and broadcast recipients. */
    public static String digits(String number) {
        if (number == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.length() == number.length() ? number : out.toString();
    }

    public Optional<ObjectNode> message(String id) {
        return messages.get(id);
    }

    /** The contact of a WhatsApp user on the project, created on first sight. */
    public ObjectNode contact(String phoneNumberId, String waId, String profileName) {
        String wa = digits(waId);
        Optional<ObjectNode> existing = contactByWaId(wa);
        if (existing.isPresent()) {
            if (profileName != null && existing.get().path("profile_name").isNull()) {
                existing.get().put("profile_name", profileName);
            }
            return existing.get();
        }
        ObjectNode c = SimState.object();
        c.put("id", Ids.uuid());
        c.put("wa_id", wa);
        c.put("profile_name", profileName);
        c.putNull("display_name");
        c.putNull("customer_id");
        c.putObject("metadata");
        c.put("phone_number_id", phoneNumberId);
        c.put("created_at", ctx.clock().iso());
        c.put("updated_at", ctx.clock().iso());
        return contacts.put(c);
    }

    /** The active conversation between a number and a user, created (and announced) when there is none. */
    public ObjectNode conversation(String phoneNumberId, String waId, boolean[] created) {
        String wa = digits(waId);
        Optional<ObjectNode> active = conversations(phoneNumberId, wa).stream()
                .filter(c -> "active".equals(c.path("status").asText())).findFirst();
        if (active.isPresent()) {
            created[0] = false;
            return active.get();
        }
        ObjectNode contact = contact(phoneNumberId, wa, null);
        String now = ctx.clock().iso();
        ObjectNode c = SimState.object();
        c.put("id", Ids.uuid());
        c.put("phone_number", wa);
        c.put("phone_number_id", phoneNumberId);
        c.put("status", "active");
        c.put("last_active_at", now);
        c.put("created_at", now);
        c.put("updated_at", now);
        c.put("whatsapp_config_id", ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId)
                .map(p -> p.path("internal_id").asText(null)).orElse(null));
        c.putObject("metadata");
        ObjectNode k = c.putObject("kapso");
        k.set("contact_name", contact.get("profile_name"));
        k.put("messages_count", 0);
        k.putNull("last_message_id");
        k.putNull("last_message_type");
        k.putNull("last_message_timestamp");
        k.putNull("last_message_text");
        k.putNull("last_inbound_at");
        k.putNull("last_outbound_at");
        conversations.put(c);
        created[0] = true;
        ObjectNode payload = SimState.object();
        payload.set("conversation", c.deepCopy());
        payload.put("phone_number_id", phoneNumberId);
        ctx.events().emit("whatsapp.conversation.created", phoneNumberId, c.path("id").asText(), payload);
        return c;
    }

    /**
     * A customer's message arriving on a number.
     *
     * @param content the Meta message fields without id/from/timestamp: {"type": "text", "text": {"body": "Hi"}}
     */
    public ObjectNode receive(String phoneNumberId, String from, String profileName, ObjectNode content) {
        ObjectNode contact = contact(phoneNumberId, from, profileName);
        boolean[] created = new boolean[1];
        ObjectNode conversation = conversation(phoneNumberId, from, created);
        ObjectNode m = content.deepCopy();
        m.put("id", Ids.wamid());
        m.put("from", digits(from));
        m.put("timestamp", ctx.clock().unixSeconds());
        ObjectNode k = m.putObject("kapso");
        k.put("direction", "inbound");
        k.put("status", "received");
        k.put("processing_status", "pending");
        k.put("origin", "cloud_api");
        k.put("has_media", MessageContent.hasMedia(m));
        k.put("content", MessageContent.text(m));
        k.put("phone_number", "+" + digits(from));
        k.put("phone_number_id", phoneNumberId);
        k.put("whatsapp_conversation_id", conversation.path("id").asText());
        k.set("contact_name", contact.get("profile_name"));
        MessageContent.addKapsoExtras(m, k, ctx);
        messages.put(m);
        touch(conversation, m, true);
        emitMessage("whatsapp.message.received", m, conversation, created[0]);
        return m;
    }

    /**
     * An outbound message accepted from a send request: checks the recipient's 24-hour window (free-form messages
     * need it, templates do not), stores it as pending and schedules its statuses.
     */
    public ObjectNode send(String phoneNumberId, ObjectNode request) {
        String to = digits(request.path("to").asText(request.path("recipient").asText(null)));
        if (to == null || to.isEmpty()) {
            throw ApiError.graph(400, 100, "OAuthException", "(#100) The parameter to is required.", null, "to is required");
        }
        String type = request.path("type").asText("text");
        if (!type.equals("template") && !windowOpen(phoneNumberId, to)) {
            throw ApiError.graph(422, 131047, "MessageError", "(#131047) Re-engagement message", 131047,
                    "More than 24 hours have passed since the recipient last replied to the sender number.");
        }
        boolean[] created = new boolean[1];
        ObjectNode conversation = conversation(phoneNumberId, to, created);
        ObjectNode contact = contact(phoneNumberId, to, null);
        ObjectNode m = SimState.object();
        m.put("id", Ids.wamid());
        m.put("to", to);
        m.put("timestamp", ctx.clock().unixSeconds());
        m.put("type", type);
        if (request.has(type)) {
            m.set(type, request.get(type).deepCopy());
        }
        if (request.has("context")) {
            m.set("context", request.get("context").deepCopy());
        }
        if (request.has("biz_opaque_callback_data")) {
            m.set("biz_opaque_callback_data", request.get("biz_opaque_callback_data").deepCopy());
        }
        ObjectNode k = m.putObject("kapso");
        k.put("direction", "outbound");
        k.put("status", "pending");
        k.put("processing_status", "completed");
        k.put("origin", "cloud_api");
        k.put("has_media", MessageContent.hasMedia(m));
        k.put("content", MessageContent.text(m));
        k.put("phone_number", "+" + to);
        k.put("phone_number_id", phoneNumberId);
        k.put("whatsapp_conversation_id", conversation.path("id").asText());
        k.set("contact_name", contact.get("profile_name"));
        k.putArray("statuses");
        MessageContent.addKapsoExtras(m, k, ctx);
        messages.put(m);
        touch(conversation, m, false);
        scheduleStatuses(m, conversation, to, type, pricingCategory(phoneNumberId, m));
        return m;
    }

    /** Marks an inbound message read (the send endpoint's status=read form). */
    public void markRead(String phoneNumberId, String messageId) {
        ObjectNode m = messages.get(messageId).orElseThrow(() -> ApiError.graph(404, 100, "OAuthException",
                "(#100) Invalid parameter", null, "message_id " + messageId + " does not exist"));
        if (!phoneNumberId.equals(m.path("kapso").path("phone_number_id").asText())) {
            throw ApiError.graph(404, 100, "OAuthException", "(#100) Invalid parameter", null,
                    "message_id " + messageId + " does not belong to phone number " + phoneNumberId);
        }
        ((ObjectNode) m.get("kapso")).put("processing_status", "completed");
        if ("inbound".equals(m.path("kapso").path("direction").asText())) {
            ((ObjectNode) m.get("kapso")).put("status", "read");
        }
    }

    /** Whether the conversation's user wrote to its number in the last 24 hours. */
    public boolean windowOpen(ObjectNode conversation) {
        return windowOpen(conversation.path("phone_number_id").asText(), conversation.path("phone_number").asText());
    }

    /**
     * Whether {@code waId} wrote to the number in the last 24 hours. The window belongs to the user and the number,
     * not to one Kapso conversation: it survives a conversation being ended and a new one starting.
     */
    public boolean windowOpen(String phoneNumberId, String waId) {
        String wa = digits(waId);
        Instant since = ctx.clock().now().minus(SERVICE_WINDOW);
        for (ObjectNode c : conversations(phoneNumberId, wa)) {
            String lastInbound = c.path("kapso").path("last_inbound_at").asText(null);
            if (lastInbound != null && !lastInbound.equals("null") && SimClock.parseIso(lastInbound).isAfter(since)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes ({@code ended}) or reopens ({@code active}) a conversation; closing announces
     * whatsapp.conversation.ended. Setting the status it already has changes nothing.
     */
    public ObjectNode setConversationStatus(ObjectNode conversation, String status) {
        if (!"active".equals(status) && !"ended".equals(status)) {
            throw new IllegalArgumentException("status must be active or ended, got " + status);
        }
        if (status.equals(conversation.path("status").asText())) {
            return conversation;
        }
        conversation.put("status", status);
        conversation.put("updated_at", ctx.clock().iso());
        if (status.equals("ended")) {
            ObjectNode payload = SimState.object();
            payload.set("conversation", conversation.deepCopy());
            payload.put("phone_number_id", conversation.path("phone_number_id").asText());
            ctx.events().emit("whatsapp.conversation.ended", conversation.path("phone_number_id").asText(),
                    conversation.path("id").asText(), payload);
        }
        return conversation;
    }

    /** Erases a contact with its conversations and their messages (Kapso's erasure job). */
    public void erase(ObjectNode contact) {
        String wa = contact.path("wa_id").asText(null);
        contacts.remove(contact.path("id").asText());
        if (wa == null || wa.equals("null")) {
            return;
        }
        Set<String> erased = new HashSet<>();
        for (ObjectNode c : conversations.all()) {
            if (wa.equals(c.path("phone_number").asText())) {
                erased.add(c.path("id").asText());
                conversations.remove(c.path("id").asText());
            }
        }
        for (ObjectNode m : messages.all()) {
            if (erased.contains(m.path("kapso").path("whatsapp_conversation_id").asText())) {
                messages.remove(m.path("id").asText());
            }
        }
    }

    /** Meta's pricing category: the template's category (marketing when unknown), service for free-form messages. */
    private String pricingCategory(String phoneNumberId, ObjectNode m) {
        if (!"template".equals(m.path("type").asText())) {
            return "service";
        }
        String name = m.path("template").path("name").asText();
        String language = m.path("template").path("language").path("code").asText();
        String waba = ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId)
                .map(p -> p.path("business_account_id").asText()).orElse("");
        return ctx.state().store(Stores.TEMPLATES)
                .find(t -> name.equals(t.path("name").asText()) && language.equals(t.path("language").asText())
                           && waba.equals(t.path("business_account_id").asText()))
                .map(t -> t.path("category").asText("MARKETING").toLowerCase(Locale.ROOT))
                .orElse("marketing");
    }

    private void scheduleStatuses(ObjectNode m, ObjectNode conversation, String to, String type, String category) {
        if (ctx.config().isFailingNumber(to)) {
            ctx.later(SENT_AFTER_MS, () -> {
                ObjectNode error = SimState.object();
                error.put("code", 131026);
                error.put("title", "Message undeliverable");
                error.put("message", "Message undeliverable");
                error.putObject("error_data").put("details", "The recipient cannot receive WhatsApp messages (simulated failing number)");
                status(m, conversation, "failed", error, category);
            });
            return;
        }
        ctx.later(SENT_AFTER_MS, () -> status(m, conversation, "sent", null, category));
        if (type.equals("reaction")) {
            return;
        }
        ctx.later(DELIVERED_AFTER_MS, () -> status(m, conversation, "delivered", null, category));
        ctx.later(READ_AFTER_MS, () -> status(m, conversation, "read", null, category));
    }

    private void status(ObjectNode m, ObjectNode conversation, String status, ObjectNode error, String category) {
        if (!messages.contains(m.path("id").asText())) {
            return;
        }
        ObjectNode k = (ObjectNode) m.get("kapso");
        ObjectNode s = SimState.object();
        s.put("id", m.path("id").asText());
        s.put("status", status);
        s.put("timestamp", ctx.clock().unixSeconds());
        s.put("recipient_id", m.path("to").asText());
        if (m.has("biz_opaque_callback_data")) {
            s.set("biz_opaque_callback_data", m.get("biz_opaque_callback_data"));
        }
        if (error != null) {
            s.putArray("errors").add(error);
        } else {
            ObjectNode pricing = s.putObject("pricing");
            pricing.put("billable", true);
            pricing.put("pricing_model", "PMP");
            pricing.put("category", category);
        }
        ((ArrayNode) k.withArray("statuses")).add(s);
        k.put("status", status);
        emitMessage("whatsapp.message." + status, m, conversation, false);
    }

    private void touch(ObjectNode conversation, ObjectNode m, boolean inbound) {
        String now = ctx.clock().iso();
        ObjectNode k = (ObjectNode) conversation.get("kapso");
        k.put("messages_count", k.path("messages_count").asInt() + 1);
        k.put("last_message_id", m.path("id").asText());
        k.put("last_message_type", m.path("type").asText());
        k.put("last_message_timestamp", now);
        k.put("last_message_text", MessageContent.text(m));
        k.put(inbound ? "last_inbound_at" : "last_outbound_at", now);
        conversation.put("last_active_at", now);
        conversation.put("updated_at", now);
    }

    private void emitMessage(String event, ObjectNode m, ObjectNode conversation, boolean newConversation) {
        if (!ctx.events().heard(event, conversation.path("phone_number_id").asText())) {
            return;
        }
        ObjectNode payload = SimState.object();
        payload.set("message", m.deepCopy());
        payload.set("conversation", conversation.deepCopy());
        payload.put("is_new_conversation", newConversation);
        payload.put("phone_number_id", conversation.path("phone_number_id").asText());
        ctx.events().emit(event, conversation.path("phone_number_id").asText(), conversation.path("id").asText(), payload);
    }

    static String text(JsonNode m) {
        return MessageContent.text(m);
    }
}
