package io.github.camelkapso.connectors.jdbc;

import static io.github.camelkapso.connectors.jdbc.Column.integer;
import static io.github.camelkapso.connectors.jdbc.Column.smallint;
import static io.github.camelkapso.connectors.jdbc.Column.text;
import static io.github.camelkapso.connectors.jdbc.Column.timestamp;
import static io.github.camelkapso.connectors.jdbc.Column.varchar;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The four event tables as the writer sees them, with each table's conflict policy. Column names and sizes are those
 * of the migrations in {@code db/kapso/<vendor>} (a test holds them against the migrated database).
 */
final class KapsoTables {

    /** Every event, raw JSON included; a re-delivered event (same idempotency key) leaves its row as it is. */
    static final Table EVENTS = new Table(KapsoEventSchema.EVENTS_TABLE, "idempotency_key", List.of(
            varchar("idempotency_key", 512), varchar("event_type", 128), varchar("event_model", 32),
            varchar("payload_version", 16), varchar("phone_number_id", 64), varchar("conversation_id", 128),
            varchar("wamid", 255), text("payload"), text("mapping_notes"), timestamp("received_at")), null);

    /**
     * By conversation id. Known values fill in, a value the event does not carry is kept; {@code ended} is final (a late
     * event carrying {@code active} does not reopen it); Kapso's times only move forward.
     */
    static final Table CONVERSATIONS = new Table(KapsoEventSchema.CONVERSATIONS_TABLE, "conversation_id", List.of(
            varchar("conversation_id", 128), varchar("phone_number_id", 64), varchar("phone_number", 32),
            varchar("contact_name", 256), varchar("status", 16), timestamp("created_at"), timestamp("updated_at"),
            timestamp("last_active_at"), timestamp("first_seen_at")),
            newOrOld("phone_number_id", "phone_number", "contact_name")
            + ", status = CASE WHEN {old}.status = 'ended' THEN {old}.status ELSE COALESCE({new}.status, {old}.status) END"
            + ", created_at = COALESCE({old}.created_at, {new}.created_at)"
            + ", " + latest("updated_at") + ", " + latest("last_active_at"));

    /** By wamid. A message seen again (received, then in its status events) fills in what was unknown. */
    static final Table MESSAGES = new Table(KapsoEventSchema.MESSAGES_TABLE, "wamid", List.of(
            varchar("wamid", 255), varchar("conversation_id", 128), varchar("phone_number_id", 64),
            varchar("direction", 16), varchar("message_type", 32), varchar("from_number", 32), varchar("to_number", 32),
            timestamp("sent_at"), text("text_body"), text("content"), varchar("media_id", 255),
            varchar("media_mime_type", 255), varchar("media_filename", 1024), varchar("media_url", 2048),
            text("media_caption"), varchar("context_wamid", 255), varchar("origin", 32), timestamp("first_seen_at")),
            newOrOld("conversation_id", "phone_number_id", "direction", "message_type", "from_number", "to_number",
                    "sent_at", "text_body", "content", "media_id", "media_mime_type", "media_filename", "media_url",
                    "media_caption", "context_wamid", "origin"));

    /**
     * By wamid. The status only moves up {@link StatusRank}'s order (sent, delivered, read; failed final); the time and
     * errors follow the status that wins; each stage keeps the first time it was reported, even when it arrives late.
     */
    static final Table MESSAGE_STATUSES = new Table(KapsoEventSchema.MESSAGE_STATUSES_TABLE, "wamid", List.of(
            varchar("wamid", 255), varchar("status", 32), smallint("status_rank"), timestamp("status_at"),
            varchar("recipient_id", 64), varchar("conversation_id", 128), varchar("phone_number_id", 64),
            timestamp("sent_at"), timestamp("delivered_at"), timestamp("read_at"), timestamp("failed_at"),
            integer("error_code"), varchar("error_title", 512), text("error_message"), text("error_details"),
            timestamp("first_seen_at")),
            Stream.of("status", "status_at", "error_code", "error_title", "error_message", "error_details")
                    .map(c -> c + " = CASE WHEN {new}.status_rank > {old}.status_rank THEN {new}." + c + " ELSE {old}." + c
                              + " END")
                    .collect(Collectors.joining(", "))
            + ", " + oldOrNew("recipient_id", "conversation_id", "phone_number_id", "sent_at", "delivered_at", "read_at",
                    "failed_at")
            + ", status_rank = CASE WHEN {new}.status_rank > {old}.status_rank THEN {new}.status_rank"
            + " ELSE {old}.status_rank END");

    /** In the order a transaction writes them, the same for every writer so that row locks are taken in one order. */
    static final List<Table> WRITE_ORDER = List.of(CONVERSATIONS, MESSAGES, MESSAGE_STATUSES, EVENTS);

    private KapsoTables() {
    }

    private static String newOrOld(String... columns) {
        return Stream.of(columns).map(c -> c + " = COALESCE({new}." + c + ", {old}." + c + ")")
                .collect(Collectors.joining(", "));
    }

    private static String oldOrNew(String... columns) {
        return Stream.of(columns).map(c -> c + " = COALESCE({old}." + c + ", {new}." + c + ")")
                .collect(Collectors.joining(", "));
    }

    private static String latest(String column) {
        return column + " = CASE WHEN {old}." + column + " IS NULL OR {new}." + column + " > {old}." + column
               + " THEN {new}." + column + " ELSE {old}." + column + " END";
    }
}
