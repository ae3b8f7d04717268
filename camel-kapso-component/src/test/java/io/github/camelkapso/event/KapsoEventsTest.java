package io.github.camelkapso.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every documented event reads into its type; anything else is kept as an UnknownEvent with its JSON. */
class KapsoEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private static JsonNode payload(String name) {
        try (InputStream in = KapsoEventsTest.class.getResourceAsStream("/io/github/camelkapso/webhooks/" + name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body and headers the webhook consumer hands a route. */
    private Exchange exchange(String type, String name) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(KapsoConstants.EVENT_TYPE, type);
        exchange.getMessage().setBody(MAPPER.convertValue(payload(name), Map.class));
        return exchange;
    }

    @Test
    void aTextMessage() {
        MessageReceived event = exchange("whatsapp.message.received", "message-received.json").getMessage()
                .getBody(MessageReceived.class);

        assertThat(event.type()).isEqualTo("whatsapp.message.received");
        assertThat(event.message().id()).isEqualTo("wamid.123");
        assertThat(event.message().type()).isEqualTo("text");
        assertThat(event.message().text()).isEqualTo("Hello");
        assertThat(event.message().from()).isEqualTo("15551234567");
        assertThat(event.message().inbound()).isTrue();
        assertThat(event.message().status()).isEqualTo("received");
        assertThat(event.conversation().id()).isEqualTo("conv_123");
        assertThat(event.conversation().phoneNumber()).isEqualTo("+15551234567");
        assertThat(event.contactName()).isEqualTo("John Doe");
        assertThat(event.newConversation()).isTrue();
        assertThat(event.phoneNumberId()).isEqualTo("123456789012345");
        assertThat(event.raw().path("conversation").path("kapso").path("messages_count").asInt()).isEqualTo(1);
    }

    @Test
    void anImageMessage() {
        MessageReceived event = (MessageReceived) KapsoEvents.parse("whatsapp.message.received", payload("message-received-image.json"));

        Media media = event.message().media();
        assertThat(media.kind()).isEqualTo("image");
        assertThat(media.id()).isEqualTo("media_id_123");
        assertThat(media.caption()).isEqualTo("Our receipt");
        assertThat(media.mimeType()).isEqualTo("image/jpeg");
        assertThat(media.filename()).isEqualTo("abc.jpg");
        assertThat(media.url()).isEqualTo("https://api.kapso.ai/media/abc.jpg");
        assertThat(event.message().text()).isNull();
    }

    @Test
    void aFlowReplyWithItsResponseParsed() {
        MessageReceived event = (MessageReceived) KapsoEvents.parse("whatsapp.message.received", payload("message-received-flow.json"));

        Interactive reply = event.message().interactive();
        assertThat(reply.type()).isEqualTo("nfm_reply");
        assertThat(reply.flowName()).isEqualTo("booking_flow");
        assertThat(reply.flowToken()).isEqualTo("tok-42");
        assertThat(reply.flowResponse().path("guests").asInt()).isEqualTo(3);
        assertThat(event.message().contextMessageId()).isEqualTo("wamid.SENTFLOW");
    }

    @Test
    void buttonAndListReplies() throws Exception {
        JsonNode button = MAPPER.readTree("{\"message\":{\"id\":\"w1\",\"type\":\"interactive\",\"interactive\":{\"type\":"
                                          + "\"button_reply\",\"button_reply\":{\"id\":\"yes\",\"title\":\"Yes\"}}}}");
        JsonNode list = MAPPER.readTree("{\"message\":{\"id\":\"w2\",\"type\":\"interactive\",\"interactive\":{\"type\":"
                                        + "\"list_reply\",\"list_reply\":{\"id\":\"row-2\",\"title\":\"Tuesday\","
                                        + "\"description\":\"Afternoon\"}}}}");
        JsonNode template = MAPPER.readTree("{\"message\":{\"id\":\"w3\",\"type\":\"button\",\"button\":{\"text\":\"Stop\","
                                            + "\"payload\":\"STOP\"}}}");

        assertThat(((MessageReceived) KapsoEvents.parse("whatsapp.message.received", button)).message().interactive())
                .isEqualTo(new Interactive("button_reply", "yes", "Yes", null, null, null, null));
        assertThat(((MessageReceived) KapsoEvents.parse("whatsapp.message.received", list)).message().interactive())
                .isEqualTo(new Interactive("list_reply", "row-2", "Tuesday", "Afternoon", null, null, null));
        assertThat(((MessageReceived) KapsoEvents.parse("whatsapp.message.received", template)).message().interactive())
                .isEqualTo(new Interactive("button", "STOP", "Stop", null, null, null, null));
    }

    @Test
    void locationContactsAndReactions() throws Exception {
        JsonNode location = MAPPER.readTree("{\"message\":{\"type\":\"location\",\"location\":{\"latitude\":-33.45,"
                                            + "\"longitude\":-70.66,\"name\":\"Office\",\"address\":\"Main St 1\"}}}");
        JsonNode contacts = MAPPER.readTree("{\"message\":{\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":"
                                            + "\"Ana Perez\"},\"phones\":[{\"phone\":\"+1 555 0100\",\"wa_id\":\"15550100\"}]}]}}");
        JsonNode reaction = MAPPER.readTree("{\"message\":{\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.X\","
                                            + "\"emoji\":\"❤️\"}}}");

        assertThat(((MessageReceived) KapsoEvents.parse("whatsapp.message.received", location)).message().location())
                .isEqualTo(new Location(-33.45, -70.66, "Office", "Main St 1", null));
        SharedContact card = ((MessageReceived) KapsoEvents.parse("whatsapp.message.received", contacts)).message().contacts().get(0);
        assertThat(card.formattedName()).isEqualTo("Ana Perez");
        assertThat(card.phones()).containsExactly("+1 555 0100");
        assertThat(((MessageReceived) KapsoEvents.parse("whatsapp.message.received", reaction)).message().reaction())
                .isEqualTo(new Reaction("wamid.X", "❤️"));
    }

    @Test
    void aDeliveredStatus() {
        MessageStatus status = exchange("whatsapp.message.delivered", "message-delivered.json").getMessage()
                .getBody(MessageStatus.class);

        assertThat(status.status()).isEqualTo("delivered");
        assertThat(status.messageId()).isEqualTo("wamid.456");
        assertThat(status.recipientId()).isEqualTo("15551234567");
        assertThat(status.message().text()).isEqualTo("On my way");
        assertThat(status.failed()).isFalse();
        assertThat(status.errors()).isEmpty();
    }

    @Test
    void aFailedStatusWithMetasError() {
        MessageStatus status = (MessageStatus) KapsoEvents.parse("whatsapp.message.failed", payload("message-failed.json"));

        assertThat(status.failed()).isTrue();
        assertThat(status.errors()).containsExactly(new StatusError(131047, "Re-engagement message",
                "More than 24 hours have passed since the recipient last replied",
                "Message failed to send because more than 24 hours have passed"));
    }

    @Test
    void sentAndReadStatuses() throws Exception {
        JsonNode sent = MAPPER.readTree("{\"message\":{\"id\":\"wamid.9\",\"kapso\":{\"status\":\"sent\",\"statuses\":"
                                        + "[{\"id\":\"wamid.9\",\"status\":\"sent\",\"recipient_id\":\"1555\"}]}}}");

        assertThat(((MessageStatus) KapsoEvents.parse("whatsapp.message.sent", sent)).status()).isEqualTo("sent");
        assertThat(((MessageStatus) KapsoEvents.parse("whatsapp.message.read", MAPPER.readTree("{\"message\":{\"id\":\"w\"}}")))
                .status()).as("from the event name when the payload does not say").isEqualTo("read");
    }

    @Test
    void conversationEvents() {
        ConversationEvent inactive = exchange("whatsapp.conversation.inactive", "conversation-inactive.json").getMessage()
                .getBody(ConversationEvent.class);
        ConversationEvent ended = (ConversationEvent) KapsoEvents.parse("whatsapp.conversation.ended", payload("conversation-ended.json"));

        assertThat(inactive.change()).isEqualTo("inactive");
        assertThat(inactive.inactivityMinutes()).isEqualTo(60);
        assertThat(inactive.sinceMessageId()).isEqualTo("wamid.ANCHOR");
        assertThat(inactive.conversation().id()).isEqualTo("conv_789");
        assertThat(ended.change()).isEqualTo("ended");
        assertThat(ended.conversation().status()).isEqualTo("ended");
        assertThat(ended.conversation().metadata().path("tier").asText()).isEqualTo("gold");
        assertThat(ended.conversation().contactName()).isEqualTo("John Doe");
    }

    @Test
    void workflowEvents() {
        WorkflowExecutionEvent handoff = (WorkflowExecutionEvent) KapsoEvents.parse(null, payload("workflow-handoff.json"));
        WorkflowExecutionEvent failed = (WorkflowExecutionEvent) KapsoEvents.parse("workflow.execution.failed",
                payload("workflow-failed.json"));

        assertThat(handoff.type()).as("from the payload's event field").isEqualTo("workflow.execution.handoff");
        assertThat(handoff.handoffReason()).isEqualTo("User requested human assistance");
        assertThat(handoff.handoffSource()).isEqualTo("agent_tool");
        assertThat(handoff.conversationId()).isEqualTo("conv_789");
        assertThat(handoff.executionId()).isEqualTo("770e8400-e29b-41d4-a716-446655440002");
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.errorMessage()).isEqualTo("Workflow execution timed out");
    }

    @Test
    void phoneNumberAndProjectEvents() {
        PhoneNumberEvent created = (PhoneNumberEvent) KapsoEvents.parse("whatsapp.phone_number.created",
                payload("phone-number-created.json"));
        ProjectEvent project = (ProjectEvent) KapsoEvents.parse("project.event", payload("project-event.json"));

        assertThat(created.created()).isTrue();
        assertThat(created.phoneNumberId()).isEqualTo("123456789012345");
        assertThat(created.customerId()).isEqualTo("880e8400-e29b-41d4-a716-446655440003");
        assertThat(created.projectId()).isEqualTo("990e8400-e29b-41d4-a716-446655440004");
        assertThat(project.name()).isEqualTo("order.paid");
        assertThat(project.properties().path("amount").asDouble()).isEqualTo(42.5);
        assertThat(project.conversationId()).isNull();
    }

    @Test
    void anUnknownEventIsKeptWithItsJson() throws Exception {
        JsonNode payload = MAPPER.readTree("{\"something\":{\"new\":true}}");

        KapsoEvent event = KapsoEvents.parse("whatsapp.something.new", payload);

        assertThat(event).isInstanceOf(UnknownEvent.class);
        assertThat(event.type()).isEqualTo("whatsapp.something.new");
        assertThat(event.raw()).isEqualTo(payload);
        assertThat(KapsoEvents.parse(null, payload).type()).isEqualTo(KapsoEvents.UNKNOWN_TYPE);
    }

    @Test
    void aKnownTypeWithAnUnexpectedShapeDoesNotThrow() throws Exception {
        KapsoEvent event = KapsoEvents.parse("whatsapp.message.received", MAPPER.readTree("{\"message\":\"not an object\"}"));

        assertThat(event).isInstanceOfSatisfying(MessageReceived.class, m -> assertThat(m.message()).isNull());
        assertThat(KapsoEvents.parse("whatsapp.message.received", MAPPER.readTree("[1,2]"))).isInstanceOf(UnknownEvent.class);
    }

    @Test
    void aV1PayloadIsUnknown() {
        KapsoEvent event = KapsoEvents.parse("whatsapp.message.received", "v1", payload("message-received.json"));

        assertThat(event).isInstanceOf(UnknownEvent.class);
        assertThat(event.type()).isEqualTo("whatsapp.message.received");
    }

    @Test
    void aBatchParsesIntoItsEvents() {
        assertThat(KapsoEvents.parseBatch(payload("batch.json")))
                .extracting(e -> ((MessageReceived) e).message().id())
                .containsExactly("wamid.111", "wamid.112", "wamid.113");
    }

    @Test
    void aBatchEnvelopeIsNotOneEvent() {
        Exchange exchange = exchange("whatsapp.message.received", "batch.json");

        assertThat(KapsoEvents.parse("whatsapp.message.received", payload("batch.json"))).isInstanceOf(UnknownEvent.class);
        assertThatThrownBy(() -> exchange.getMessage().getMandatoryBody(KapsoEvent.class))
                .hasStackTraceContaining("The body is a batch of 3 Kapso events (splitBatch=false)");
    }

    @Test
    void typesAreDerivedFromPayloadsWhenNotGiven() {
        assertThat(KapsoEvents.typeOf(payload("message-received.json"))).isEqualTo("whatsapp.message.received");
        assertThat(KapsoEvents.typeOf(payload("message-failed.json"))).isEqualTo("whatsapp.message.failed");
        assertThat(KapsoEvents.typeOf(payload("conversation-inactive.json"))).isEqualTo("whatsapp.conversation.inactive");
        assertThat(KapsoEvents.typeOf(payload("batch.json"))).isEqualTo("whatsapp.message.received");
        assertThat(KapsoEvents.typeOf(payload("conversation-ended.json"))).as("not guessed").isEqualTo("unknown");
    }

    @Test
    void theConverterAcceptsJsonTextBytesAndTrees() {
        String text = payload("message-received.json").toString();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(KapsoConstants.EVENT_TYPE, "whatsapp.message.received");

        assertThat(context.getTypeConverter().convertTo(KapsoEvent.class, exchange, text)).isInstanceOf(MessageReceived.class);
        assertThat(context.getTypeConverter().convertTo(MessageReceived.class, exchange, text.getBytes())).isNotNull();
        assertThat(context.getTypeConverter().convertTo(KapsoEvent.class, exchange, payload("message-received.json")))
                .isInstanceOf(MessageReceived.class);
    }

    @Test
    void convertingToTheWrongEventTypeSaysWhatTheEventIs() {
        Exchange exchange = exchange("whatsapp.message.delivered", "message-delivered.json");

        assertThatThrownBy(() -> exchange.getMessage().getMandatoryBody(MessageReceived.class))
                .hasStackTraceContaining("The Kapso event is whatsapp.message.delivered (MessageStatus), not a MessageReceived");
    }

    @Test
    void theConverterLeavesOtherTargetTypesAlone() {
        Exchange exchange = exchange("whatsapp.message.received", "message-received.json");

        assertThat(context.getTypeConverter().convertTo(Integer.class, exchange, exchange.getMessage().getBody())).isNull();
        assertThat(exchange.getMessage().getBody(KapsoEvent.class)).isInstanceOf(MessageReceived.class);
        assertThat(context.getTypeConverter().convertTo(KapsoEvent.class, exchange, 42)).isNull();
    }

    @Test
    void notJsonIsAConversionError() {
        Exchange exchange = new DefaultExchange(context);

        assertThatThrownBy(() -> context.getTypeConverter().mandatoryConvertTo(KapsoEvent.class, exchange, "{not json"))
                .isInstanceOf(TypeConversionException.class);
    }
}
