package io.github.camelkapso.connectors.jdbc;

import static io.github.camelkapso.connectors.jdbc.Deliveries.batch;
import static io.github.camelkapso.connectors.jdbc.Deliveries.image;
import static io.github.camelkapso.connectors.jdbc.Deliveries.status;
import static io.github.camelkapso.connectors.jdbc.Deliveries.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer behind real {@code kapso:webhook} routes, fed signed deliveries over HTTP, on H2 and on PostgreSQL:
 * {@code /events} splits batches and de-duplicates with the JDBC idempotent repository, {@code /whole} takes each
 * delivery whole ({@code splitBatch=false}) with no de-duplication but the writer's upserts.
 */
class KapsoEventWriterWebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestDatabase database;
    private SignedWebhook webhook;

    private void start(String vendor) throws Exception {
        database = TestDatabase.migrated(vendor);
        KapsoEventWriter writer = new KapsoEventWriter(database.dataSource());
        JdbcKapsoIdempotentRepository keys = new JdbcKapsoIdempotentRepository(database.dataSource());
        webhook = new SignedWebhook(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("kapsoKeys", keys);
                String secret = "&webhookSecret=" + SignedWebhook.SECRET;
                from("kapso:webhook?path=/events&webhookIdempotentRepository=#kapsoKeys" + secret).process(writer);
                from("kapso:webhook?path=/whole&splitBatch=false" + secret).process(writer);
                from("direct:write").process(writer);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (webhook != null) {
            webhook.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void textAndMediaMessagesBecomeEventMessageAndConversationRows(String vendor) throws Exception {
        start(vendor);
        assertThat(webhook.deliver("/events", "whatsapp.message.received", text("wamid.T1", "15551234567", "Hello", 1730092800)))
                .isEqualTo(200);
        assertThat(webhook.deliver("/events", "whatsapp.message.received", image("wamid.IMG"))).isEqualTo(200);

        assertThat(database.count("kapso_events")).isEqualTo(2);
        assertThat(database.count("kapso_messages")).isEqualTo(2);
        assertThat(database.count("kapso_conversations")).isEqualTo(1);

        Map<String, Object> event = database.row("SELECT * FROM kapso_events WHERE wamid = 'wamid.T1'");
        assertThat(event).containsEntry("idempotency_key", "message:wamid.T1:whatsapp.message.received")
                .containsEntry("event_type", "whatsapp.message.received").containsEntry("event_model", "message_received")
                .containsEntry("payload_version", "v2").containsEntry("phone_number_id", Deliveries.NUMBER_ID)
                .containsEntry("conversation_id", "conv_123").containsEntry("mapping_notes", null);
        assertThat(MAPPER.readTree((String) event.get("payload")))
                .isEqualTo(MAPPER.readTree(text("wamid.T1", "15551234567", "Hello", 1730092800)));

        Map<String, Object> textRow = database.row("SELECT * FROM kapso_messages WHERE wamid = 'wamid.T1'");
        assertThat(textRow).containsEntry("conversation_id", "conv_123").containsEntry("direction", "inbound")
                .containsEntry("message_type", "text").containsEntry("from_number", "15551234567")
                .containsEntry("text_body", "Hello").containsEntry("content", "Hello").containsEntry("origin", "cloud_api")
                .containsEntry("media_id", null);
        assertThat(instant(textRow.get("sent_at"))).isEqualTo(Instant.ofEpochSecond(1730092800));

        Map<String, Object> imageRow = database.row("SELECT * FROM kapso_messages WHERE wamid = 'wamid.IMG'");
        assertThat(imageRow).containsEntry("message_type", "image").containsEntry("media_id", "media_id_123")
                .containsEntry("media_mime_type", "image/jpeg").containsEntry("media_filename", "abc.jpg")
                .containsEntry("media_url", "https://api.kapso.ai/media/abc.jpg")
                .containsEntry("media_caption", "Our receipt").containsEntry("text_body", null);

        Map<String, Object> conversation = database.row("SELECT * FROM kapso_conversations");
        assertThat(conversation).containsEntry("conversation_id", "conv_123").containsEntry("status", "active")
                .containsEntry("contact_name", "John Doe").containsEntry("phone_number", "+15551234567")
                .containsEntry("phone_number_id", Deliveries.NUMBER_ID);
        assertThat(instant(conversation.get("last_active_at"))).isEqualTo(Instant.parse("2025-10-28T14:30:00Z"));
        assertThat(instant(conversation.get("created_at"))).isEqualTo(Instant.parse("2025-10-28T13:40:00Z"));

        // a late event with an older last_active_at does not move it back; ended is final
        assertThat(webhook.deliver("/events", "whatsapp.conversation.ended", Deliveries.conversationEnded())).isEqualTo(200);
        assertThat(webhook.deliver("/events", "whatsapp.message.received", text("wamid.T0", "15551234567", "Late", 1730092700)))
                .isEqualTo(200);
        conversation = database.row("SELECT * FROM kapso_conversations");
        assertThat(conversation).containsEntry("status", "ended");
        assertThat(instant(conversation.get("last_active_at"))).isEqualTo(Instant.parse("2025-10-28T15:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void statusesArrivingOutOfOrderNeverGoBackAndFailedIsFinal(String vendor) throws Exception {
        start(vendor);
        assertThat(webhook.deliver("/events", "whatsapp.message.read", status("wamid.OUT1", "read", 1730092900))).isEqualTo(200);
        assertThat(webhook.deliver("/events", "whatsapp.message.sent", status("wamid.OUT1", "sent", 1730092860))).isEqualTo(200);
        assertThat(webhook.deliver("/events", "whatsapp.message.delivered", status("wamid.OUT1", "delivered", 1730092880)))
                .isEqualTo(200);
        assertThat(webhook.deliver("/events", "whatsapp.message.failed", status("wamid.OUT2", "failed", 1730093200)))
                .isEqualTo(200);
        assertThat(webhook.deliver("/events", "whatsapp.message.delivered", status("wamid.OUT2", "delivered", 1730093100)))
                .isEqualTo(200);

        assertThat(database.count("kapso_events")).isEqualTo(5);
        assertThat(database.count("kapso_message_statuses")).isEqualTo(2);
        Map<String, Object> read = database.row("SELECT * FROM kapso_message_statuses WHERE wamid = 'wamid.OUT1'");
        assertThat(read).containsEntry("status", "read").containsEntry("recipient_id", "15551234567")
                .containsEntry("conversation_id", "conv_123").containsEntry("error_code", null);
        assertThat(((Number) read.get("status_rank")).intValue()).isEqualTo(3);
        assertThat(instant(read.get("status_at"))).isEqualTo(Instant.ofEpochSecond(1730092900));
        assertThat(instant(read.get("sent_at"))).isEqualTo(Instant.ofEpochSecond(1730092860));
        assertThat(instant(read.get("delivered_at"))).isEqualTo(Instant.ofEpochSecond(1730092880));
        assertThat(instant(read.get("read_at"))).isEqualTo(Instant.ofEpochSecond(1730092900));

        Map<String, Object> failed = database.row("SELECT * FROM kapso_message_statuses WHERE wamid = 'wamid.OUT2'");
        assertThat(failed).containsEntry("status", "failed").containsEntry("error_code", 131047)
                .containsEntry("error_title", "Re-engagement message").containsEntry("error_details", "Outside the window");
        assertThat(instant(failed.get("status_at"))).isEqualTo(Instant.ofEpochSecond(1730093200));
        assertThat(instant(failed.get("delivered_at"))).as("the late report is still recorded")
                .isEqualTo(Instant.ofEpochSecond(1730093100));

        Map<String, Object> message = database.row("SELECT * FROM kapso_messages WHERE wamid = 'wamid.OUT1'");
        assertThat(message).containsEntry("direction", "outbound").containsEntry("to_number", "15551234567")
                .containsEntry("text_body", "On my way");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void aBatchWrittenSplitOrWholeAndDeliveredAgainGivesTheSameRows(String vendor) throws Exception {
        start(vendor);
        String delivery = batch("whatsapp.message.received", text("wamid.B1", "15551234567", "One", 1730092801),
                text("wamid.B2", "15551234567", "Two", 1730092802), image("wamid.B3"));
        assertThat(webhook.deliver("/events", "whatsapp.message.received", delivery)).isEqualTo(200);
        assertThat(database.count("kapso_events")).isEqualTo(3);
        assertThat(database.count("kapso_messages")).isEqualTo(3);
        assertThat(database.count("kapso_conversations")).isEqualTo(1);
        assertThat(database.count("kapso_idempotent_keys")).isEqualTo(3);
        Map<String, List<Map<String, Object>>> written = database.snapshot();

        assertThat(webhook.deliver("/events", "whatsapp.message.received", delivery)).isEqualTo(200);
        assertThat(database.snapshot()).as("skipped by the idempotent repository").isEqualTo(written);

        // whole, with no de-duplication: the same keys, so every upsert meets its row and changes nothing
        assertThat(webhook.deliver("/whole", "whatsapp.message.received", delivery)).isEqualTo(200);
        assertThat(webhook.deliver("/whole", "whatsapp.message.received", delivery)).isEqualTo(200);
        assertThat(database.snapshot()).isEqualTo(written);
        assertThat(database.rows("SELECT idempotency_key FROM kapso_events ORDER BY id"))
                .extracting(r -> r.get("idempotency_key"))
                .containsExactly("message:wamid.B1:whatsapp.message.received", "message:wamid.B2:whatsapp.message.received",
                        "message:wamid.B3:whatsapp.message.received");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void anUnknownEventTypeLandsInTheEventsTableWithItsRawJson(String vendor) throws Exception {
        start(vendor);
        String body = "{\"call\": {\"id\": \"wacid.9\", \"direction\": \"USER_INITIATED\"}, \"phone_number_id\": \"123\"}";
        assertThat(webhook.deliver("/events", "whatsapp.call.started", body)).isEqualTo(200);

        Map<String, Object> event = database.row("SELECT * FROM kapso_events");
        assertThat(event).containsEntry("event_type", "whatsapp.call.started").containsEntry("event_model", "unknown")
                .containsEntry("wamid", null).containsEntry("conversation_id", null);
        assertThat((String) event.get("idempotency_key")).startsWith("delivery:");
        assertThat(MAPPER.readTree((String) event.get("payload"))).isEqualTo(MAPPER.readTree(body));
        assertThat(database.count("kapso_messages") + database.count("kapso_conversations")
                   + database.count("kapso_message_statuses")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void anOverLongValueFailsTheWholeDeliveryAndWritesNothing(String vendor) throws Exception {
        start(vendor);
        String tooLong = "1".repeat(33);
        String delivery = batch("whatsapp.message.received", text("wamid.L1", "15551234567", "Fine", 1730092801),
                text("wamid.L2", tooLong, "Sender too long", 1730092802));

        assertThat(webhook.deliver("/whole", "whatsapp.message.received", delivery)).isEqualTo(500);
        assertThat(database.snapshot().values()).allSatisfy(rows -> assertThat(rows).isEmpty());

        assertThatThrownBy(() -> webhook.context().createProducerTemplate().sendBody("direct:write", delivery))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(KapsoRowRejectedException.class, e -> {
                    assertThat(e.getTable()).isEqualTo("kapso_messages");
                    assertThat(e.getColumn()).isEqualTo("from_number");
                    assertThat(e.getIdempotencyKey()).isEqualTo("message:wamid.L2:whatsapp.message.received");
                    assertThat(e).hasMessage("kapso_messages.from_number holds at most 32 characters; the event"
                                             + " message:wamid.L2:whatsapp.message.received has 33 (nothing of this"
                                             + " exchange was written)");
                });
        assertThat(database.count("kapso_events")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {TestDatabase.H2, TestDatabase.POSTGRESQL})
    void aMalformedEventInASignedBatchIsKeptWithANoteAndTheOthersAreWritten(String vendor) throws Exception {
        start(vendor);
        String noId = """
                {"message": {"timestamp": "soon", "type": "text", "from": "15551234567", "text": {"body": "No id"},
                             "kapso": {"direction": "inbound", "status": "received"}},
                 "conversation": {"id": "conv_123", "phone_number_id": "123456789012345"},
                 "phone_number_id": "123456789012345"}""";
        String delivery = batch("whatsapp.message.received", text("wamid.M1", "15551234567", "One", 1730092801), noId,
                text("wamid.M3", "15551234567", "Three", 1730092803));
        assertThat(webhook.deliver("/events", "whatsapp.message.received", delivery)).isEqualTo(200);

        assertThat(database.count("kapso_events")).isEqualTo(3);
        assertThat(database.rows("SELECT wamid FROM kapso_messages ORDER BY wamid")).extracting(r -> r.get("wamid"))
                .containsExactly("wamid.M1", "wamid.M3");
        Map<String, Object> kept = database.row("SELECT * FROM kapso_events WHERE mapping_notes IS NOT NULL");
        assertThat(kept).containsEntry("mapping_notes", "message.id is missing: no kapso_messages row")
                .containsEntry("wamid", null).containsEntry("event_model", "message_received");
        assertThat((String) kept.get("idempotency_key")).matches("delivery:[0-9a-f]{64}#1");
        assertThat(MAPPER.readTree((String) kept.get("payload"))).isEqualTo(MAPPER.readTree(noId));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new AssertionError("Not a time: " + value + (value == null ? "" : " (" + value.getClass() + ")"));
    }
}
