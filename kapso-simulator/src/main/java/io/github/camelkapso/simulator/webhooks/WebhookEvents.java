package io.github.camelkapso.simulator.webhooks;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The event catalog of Kapso webhooks (webhooks.md §10) as data: each event's scope and delivery traits. */
public final class WebhookEvents {

    /** Who may subscribe: number-scoped webhooks get message/conversation events, project-scoped ones the rest. */
    public enum Scope {
        NUMBER, PROJECT
    }

    public static final String MESSAGE_RECEIVED = "whatsapp.message.received";
    public static final String MESSAGE_SENT = "whatsapp.message.sent";
    public static final String CONVERSATION_INACTIVE = "whatsapp.conversation.inactive";
    public static final String CONVERSATION_ENDED = "whatsapp.conversation.ended";
    public static final String PHONE_NUMBER_CREATED = "whatsapp.phone_number.created";
    public static final String CONFIG_CREATED = "whatsapp.config.created";

    private static final Map<String, Scope> CATALOG = new TreeMap<>(Map.ofEntries(
            Map.entry(MESSAGE_RECEIVED, Scope.NUMBER),
            Map.entry(MESSAGE_SENT, Scope.NUMBER),
            Map.entry("whatsapp.message.delivered", Scope.NUMBER),
            Map.entry("whatsapp.message.read", Scope.NUMBER),
            Map.entry("whatsapp.message.failed", Scope.NUMBER),
            Map.entry("whatsapp.conversation.created", Scope.NUMBER),
            Map.entry(CONVERSATION_ENDED, Scope.NUMBER),
            Map.entry(CONVERSATION_INACTIVE, Scope.NUMBER),
            Map.entry(PHONE_NUMBER_CREATED, Scope.PROJECT),
            Map.entry("whatsapp.phone_number.deleted", Scope.PROJECT),
            Map.entry("workflow.execution.handoff", Scope.PROJECT),
            Map.entry("workflow.execution.failed", Scope.PROJECT),
            Map.entry("project.event", Scope.PROJECT),
            Map.entry(CONFIG_CREATED, Scope.PROJECT)));

    /** Events Kapso can buffer into batches. */
    private static final Set<String> BUFFERABLE = Set.of(MESSAGE_RECEIVED);

    /** Events delivered in order per conversation (a later one waits for an earlier undelivered one, up to 30 s). */
    private static final Set<String> ORDERED = Set.of(MESSAGE_RECEIVED, MESSAGE_SENT);

    /** Events that count as conversation activity for whatsapp.conversation.inactive. */
    private static final Set<String> ACTIVITY = Set.of(MESSAGE_RECEIVED, MESSAGE_SENT);

    private WebhookEvents() {
    }

    public static boolean known(String event) {
        return CATALOG.containsKey(event);
    }

    public static Set<String> names() {
        return CATALOG.keySet();
    }

    /** The scope of an event; an unknown event is a number event when it names a number, else a project event. */
    public static Scope scope(String event, String phoneNumberId) {
        Scope s = CATALOG.get(event);
        if (s != null) {
            return s;
        }
        return phoneNumberId != null ? Scope.NUMBER : Scope.PROJECT;
    }

    public static boolean bufferable(String event) {
        return BUFFERABLE.contains(event);
    }

    public static boolean ordered(String event) {
        return ORDERED.contains(event);
    }

    public static boolean activity(String event) {
        return ACTIVITY.contains(event);
    }

    public static boolean messageEvent(String event) {
        return event.startsWith("whatsapp.message.");
    }
}
