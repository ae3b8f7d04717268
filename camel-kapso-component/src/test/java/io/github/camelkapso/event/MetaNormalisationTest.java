package io.github.camelkapso.event;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta webhook bodies (src/test/resources/meta, shaped as Meta sends them) read into the typed model with the facts
 * Kapso's SDK normalisation keeps: direction, echoes and their source, orders, status timestamps and billing, Flow
 * responses camel-cased; and the same facts for the Kapso kind.
 */
class MetaNormalisationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BUSINESS_NUMBER_ID = "106540352242922";

    private static JsonNode meta(String name) {
        return resource("/meta/" + name);
    }

    private static JsonNode kapso(String name) {
        return resource("/io/github/camelkapso/webhooks/" + name);
    }

    private static JsonNode resource(String path) {
        try (InputStream in = MetaNormalisationTest.class.getResourceAsStream(path)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The only event of a one-item Meta body, as the consumer would deliver it. */
    private static <T extends KapsoEvent> T single(String name, Class<T> type) {
        List<KapsoEvent> events = KapsoEvents.parseMetaWebhook(meta(name));
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).isInstanceOf(type);
        return type.cast(events.get(0));
    }

    private static WhatsAppMessage received(String name) {
        return single(name, MessageReceived.class).message();
    }

    @Test
    void aTextMessageIsInbound() {
        MessageReceived event = single("text.json", MessageReceived.class);

        assertThat(event.type()).isEqualTo("whatsapp.message.received");
        assertThat(event.phoneNumberId()).isEqualTo(BUSINESS_NUMBER_ID);
        assertThat(event.contactName()).isEqualTo("Sheena Nelson");
        assertThat(event.conversation()).isNull();
        WhatsAppMessage message = event.message();
        assertThat(message.id()).isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUZCNTRGRjM4QjMwQTU5OUQ0QwA=");
        assertThat(message.type()).isEqualTo("text");
        assertThat(message.text()).isEqualTo("Does it come in another color?");
        assertThat(message.from()).isEqualTo("16505551234");
        assertThat(message.timestamp()).isEqualTo("1749416383");
        assertThat(message.direction()).isEqualTo("inbound");
        assertThat(message.inbound()).isTrue();
        assertThat(message.outbound()).isFalse();
        assertThat(message.source()).isNull();
    }

    @Test
    void aMessageFromTheBusinessNumberItselfIsOutbound() throws Exception {
        JsonNode value = MAPPER.readTree("{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                                         + "\"+1 555-078-3881\",\"phone_number_id\":\"106540352242922\"},\"messages\":"
                                         + "[{\"from\":\"15550783881\",\"to\":\"16505551234\",\"id\":\"wamid.X\","
                                         + "\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}");

        WhatsAppMessage message = ((MessageReceived) KapsoEvents.parse(null, value)).message();

        assertThat(message.direction()).as("the display number, digits only").isEqualTo("outbound");
        assertThat(message.inbound()).isFalse();
    }

    @Test
    void statusesCarryTheirTimestampBillingAndErrors() {
        List<KapsoEvent> events = KapsoEvents.parseMetaWebhook(meta("statuses.json"));

        assertThat(events).extracting(KapsoEvent::type).containsExactly("whatsapp.message.sent",
                "whatsapp.message.delivered", "whatsapp.message.read", "whatsapp.message.failed");
        assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(MessageStatus.class));
        MessageStatus sent = (MessageStatus) events.get(0);
        MessageStatus delivered = (MessageStatus) events.get(1);
        MessageStatus read = (MessageStatus) events.get(2);
        MessageStatus failed = (MessageStatus) events.get(3);

        assertThat(sent.status()).isEqualTo("sent");
        assertThat(sent.messageId()).isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJDMUFCMkM0OUY4MEM3QjlBRTcA");
        assertThat(sent.recipientId()).isEqualTo("16505551234");
        assertThat(sent.phoneNumberId()).isEqualTo(BUSINESS_NUMBER_ID);
        assertThat(sent.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263773L));
        assertThat(sent.conversationWindow()).isEqualTo(new ConversationWindow("6ceb9d929c1a4bd1c8a2ab9a4b2ad9a1",
                "marketing", Instant.ofEpochSecond(1750350180L)));
        assertThat(sent.pricing()).isEqualTo(new Pricing(true, "CBP", "marketing", null));
        assertThat(sent.errors()).isEmpty();
        assertThat(sent.message()).isNull();

        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263774L));
        assertThat(delivered.conversationWindow().expiresAt()).isNull();

        assertThat(read.status()).isEqualTo("read");
        assertThat(read.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263790L));
        assertThat(read.conversationWindow()).as("priced per message").isNull();
        assertThat(read.pricing()).isEqualTo(new Pricing(false, "PMP", "service", "free_customer_service"));

        assertThat(failed.failed()).isTrue();
        assertThat(failed.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263801L));
        assertThat(failed.errors()).containsExactly(new StatusError(131049,
                "This message was not delivered to maintain healthy ecosystem engagement.",
                "This message was not delivered to maintain healthy ecosystem engagement.",
                "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."));
    }

    @Test
    void buttonAndListReplies() {
        WhatsAppMessage button = received("button-reply.json");
        WhatsAppMessage list = received("list-reply.json");

        assertThat(button.type()).isEqualTo("interactive");
        assertThat(button.interactive()).isEqualTo(new Interactive("button_reply", "cancel-button", "Cancel", null, null,
                null, null));
        assertThat(button.contextMessageId()).isEqualTo("wamid.HBgLMTU1NTA3ODM4ODEVAgARGBJBNjJCODU2NkE2OEQ3RDU0NDgA");
        assertThat(button.inbound()).as("replying to the business").isTrue();
        assertThat(list.interactive()).isEqualTo(new Interactive("list_reply", "priority_express", "Express Shipping",
                "Next Day to 2 Days", null, null, null));
        assertThat(list.inbound()).isTrue();
    }

    @Test
    void anImage() {
        WhatsAppMessage image = received("image.json");

        assertThat(image.type()).isEqualTo("image");
        assertThat(image.media()).isEqualTo(new Media("image", "1003383421387256", "This is a caption", "image/jpeg",
                null, null));
        assertThat(image.text()).isNull();
        assertThat(image.inbound()).isTrue();
    }

    @Test
    void aDocumentWithItsFilenameCaptionAndMimeType() {
        Media document = received("document.json").media();

        assertThat(document.kind()).isEqualTo("document");
        assertThat(document.id()).isEqualTo("1286436742853640");
        assertThat(document.filename()).isEqualTo("lucky-shrub-invoice.pdf");
        assertThat(document.caption()).isEqualTo("Lucky Shrub Invoice");
        assertThat(document.mimeType()).isEqualTo("application/pdf");
    }

    @Test
    void aFlowReplyWithItsResponseCamelCasedAsTheSdkGivesIt() {
        WhatsAppMessage message = received("flow-reply.json");
        Interactive reply = message.interactive();

        assertThat(reply.type()).isEqualTo("nfm_reply");
        assertThat(reply.flowName()).isEqualTo("flow");
        assertThat(reply.title()).isEqualTo("Sent");
        assertThat(reply.flowToken()).isEqualTo("AQAAAAACS5FpgQ_cAAAAAD0QI3s.");
        JsonNode response = reply.flowResponse();
        assertThat(response.fieldNames()).toIterable()
                .containsExactly("flowToken", "screen0FirstName0", "screen0PreferredDate1", "deliveryOptions");
        assertThat(response.path("flowToken").asText()).as("values untouched").isEqualTo("AQAAAAACS5FpgQ_cAAAAAD0QI3s.");
        assertThat(response.path("screen0FirstName0").asText()).isEqualTo("Sheena");
        assertThat(response.path("deliveryOptions").path("leaveAtDoor").asBoolean()).as("nested keys too").isTrue();
        assertThat(message.raw().path("interactive").path("nfm_reply").path("response_json").asText())
                .as("the response as sent is kept").contains("\"screen_0_First_name_0\"");
        assertThat(message.inbound()).isTrue();
    }

    @Test
    void anEchoIsAnOutboundMessageWithItsSource() {
        MessageEcho echo = single("echo.json", MessageEcho.class);

        assertThat(echo.type()).isEqualTo(KapsoEvents.META_MESSAGE_ECHO).isEqualTo("meta.message_echoes");
        assertThat(echo.phoneNumberId()).isEqualTo(BUSINESS_NUMBER_ID);
        WhatsAppMessage message = echo.message();
        assertThat(message.id()).isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBIyRkQ1MTk4OTYzM0RDQ0I4OTMA");
        assertThat(message.direction()).isEqualTo("outbound");
        assertThat(message.outbound()).isTrue();
        assertThat(message.inbound()).isFalse();
        assertThat(message.source()).isEqualTo(WhatsAppMessage.SMB_MESSAGE_ECHO).isEqualTo("smb_message_echo");
        assertThat(message.from()).isEqualTo("15550783881");
        assertThat(message.to()).isEqualTo("16505551234");
        assertThat(message.text()).isEqualTo("Your order shipped today, tracking in the app.");
        assertThat(KapsoEvents.typeOf(echo.raw())).as("derived from the item alone").isEqualTo("meta.message_echoes");
    }

    @Test
    void anOrderWithItsCatalogTextAndItems() {
        WhatsAppMessage message = received("order.json");
        Order order = message.order();

        assertThat(message.type()).isEqualTo("order");
        assertThat(order.catalogId()).isEqualTo("194836987003835");
        assertThat(order.text()).isEqualTo("Please deliver before noon");
        assertThat(order.productItems()).hasSize(2);
        ProductItem first = order.productItems().get(0);
        assertThat(first.productRetailerId()).isEqualTo("di9ozbzfi4");
        assertThat(first.quantity()).isEqualTo(2);
        assertThat(first.itemPrice()).isEqualByComparingTo(BigDecimal.valueOf(30));
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(order.productItems().get(1).itemPrice()).isEqualByComparingTo(new BigDecimal("25.5"));
        assertThat(message.inbound()).isTrue();
    }

    @Test
    void aProductEnquiryNamesTheProduct() {
        WhatsAppMessage message = received("product-enquiry.json");

        assertThat(message.referredProduct()).isEqualTo(new ReferredProduct("194836987003835", "di9ozbzfi4"));
        assertThat(message.text()).isEqualTo("Is this one still available?");
        assertThat(message.inbound()).isTrue();
    }

    @Test
    void aBodyOfTwoEntriesAndSeveralChangesIsOneEventPerItemInOrder() {
        JsonNode body = meta("multi-entry.json");

        List<MetaItem> items = MetaItem.allOf(body);
        List<KapsoEvent> events = KapsoEvents.parseMetaWebhook(body);

        assertThat(items).extracting(MetaItem::type).containsExactly("whatsapp.message.received",
                "whatsapp.message.received", "whatsapp.message.delivered", "whatsapp.message.received",
                "whatsapp.message.read", "meta.message_echoes");
        assertThat(items).extracting(MetaItem::messageId)
                .containsExactly("wamid.A1", "wamid.A2", "wamid.OUT1", "wamid.B1", "wamid.OUT2", "wamid.B2");
        assertThat(items).extracting(MetaItem::phoneNumberId).containsExactly(BUSINESS_NUMBER_ID, BUSINESS_NUMBER_ID,
                BUSINESS_NUMBER_ID, "223344556677889", "223344556677889", "223344556677889");
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("MessageReceived",
                "MessageReceived", "MessageStatus", "MessageReceived", "MessageStatus", "MessageEcho");

        MessageReceived second = (MessageReceived) events.get(1);
        assertThat(second.contactName()).as("the sender's contact, of two").isEqualTo("Pablo Morales");
        assertThat(second.message().text()).isEqualTo("second");
        MessageStatus delivered = (MessageStatus) events.get(2);
        assertThat(delivered.pricing()).isEqualTo(new Pricing(true, "PMP", "utility", "regular"));
        MessageReceived third = (MessageReceived) events.get(3);
        assertThat(third.phoneNumberId()).isEqualTo("223344556677889");
        assertThat(third.message().inbound()).isTrue();
        assertThat(((MessageStatus) events.get(4)).phoneNumberId()).isEqualTo("223344556677889");
        MessageEcho echo = (MessageEcho) events.get(5);
        assertThat(echo.phoneNumberId()).isEqualTo("223344556677889");
        assertThat(echo.message().outbound()).isTrue();
        assertThat(echo.message().to()).isEqualTo("447700900123");
        assertThat(items.get(1).value().path("messages")).as("narrowed to its item").hasSize(1);
        assertThat(items.get(4).value().has("messages")).isFalse();
    }

    @Test
    void aBodyWithoutEntriesHasNoEvents() throws Exception {
        assertThat(KapsoEvents.parseMetaWebhook(MAPPER.readTree("{\"object\":\"whatsapp_business_account\"}"))).isEmpty();
        assertThat(MetaItem.allOf(MAPPER.readTree("{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":1}]}]}")))
                .isEmpty();
    }

    @Test
    void anUnreadableTimestampIsNull() throws Exception {
        JsonNode value = MAPPER.readTree("{\"messaging_product\":\"whatsapp\",\"statuses\":[{\"id\":\"w\",\"status\":"
                                         + "\"sent\",\"timestamp\":\"soon\",\"pricing\":{\"billable\":\"yes\"}}]}");

        MessageStatus status = (MessageStatus) KapsoEvents.parse(null, value);

        assertThat(status.timestamp()).isNull();
        assertThat(status.pricing().billable()).isNull();
        assertThat(Json.epochSeconds(MAPPER.readTree("{\"t\":1750263773}"), "t"))
                .as("a number too").isEqualTo(Instant.ofEpochSecond(1750263773L));
    }

    @Test
    void keysAreCamelCasedTheWayTheSdkDoesIt() {
        assertThat(CamelCaseKeys.key("flow_token")).isEqualTo("flowToken");
        assertThat(CamelCaseKeys.key("screen_0_First_name_0")).isEqualTo("screen0FirstName0");
        assertThat(CamelCaseKeys.key("kebab-case")).isEqualTo("kebabCase");
        assertThat(CamelCaseKeys.key("a__b")).isEqualTo("a_B");
        assertThat(CamelCaseKeys.key("trailing_")).isEqualTo("trailing_");
        assertThat(CamelCaseKeys.key("alreadyCamel")).isEqualTo("alreadyCamel");
    }

    @Test
    void theKapsoKindCamelCasesFlowResponsesToo() throws Exception {
        Interactive parsed = ((MessageReceived) KapsoEvents.parse("whatsapp.message.received",
                kapso("message-received-flow.json"))).message().interactive();
        JsonNode fromKapso = MAPPER.readTree("{\"message\":{\"id\":\"w\",\"type\":\"interactive\",\"interactive\":"
                                             + "{\"type\":\"nfm_reply\",\"nfm_reply\":{\"name\":\"survey\"}},\"kapso\":"
                                             + "{\"direction\":\"inbound\",\"flow_token\":\"tok-7\",\"flow_response\":"
                                             + "{\"flow_token\":\"tok-7\",\"nps_score\":9}}}}");
        Interactive kept = ((MessageReceived) KapsoEvents.parse("whatsapp.message.received", fromKapso)).message()
                .interactive();

        assertThat(parsed.flowToken()).isEqualTo("tok-42");
        assertThat(parsed.flowResponse().fieldNames()).toIterable().containsExactly("flowToken", "date", "guests");
        assertThat(kept.flowToken()).isEqualTo("tok-7");
        assertThat(kept.flowResponse().path("npsScore").asInt()).isEqualTo(9);
        assertThat(kept.flowResponse().has("nps_score")).isFalse();
    }

    @Test
    void theKapsoKindTypesOrdersAndStatusTimestampsToo() throws Exception {
        JsonNode order = MAPPER.readTree("{\"message\":{\"id\":\"w\",\"type\":\"order\",\"from\":\"15551234567\","
                                         + "\"order\":{\"catalog_id\":\"CAT1\",\"product_items\":[{\"product_retailer_id\":"
                                         + "\"SKU-1\",\"quantity\":\"3\",\"item_price\":\"9.90\",\"currency\":\"EUR\"}]},"
                                         + "\"kapso\":{\"direction\":\"inbound\",\"order_text\":\"gift wrap\"}}}");

        WhatsAppMessage message = ((MessageReceived) KapsoEvents.parse("whatsapp.message.received", order)).message();
        MessageStatus delivered = (MessageStatus) KapsoEvents.parse("whatsapp.message.delivered",
                kapso("message-delivered.json"));

        assertThat(message.order()).isEqualTo(new Order("CAT1", "gift wrap",
                List.of(new ProductItem("SKU-1", 3, new BigDecimal("9.90"), "EUR"))));
        assertThat(message.inbound()).isTrue();
        assertThat(message.source()).isNull();
        assertThat(delivered.timestamp()).as("the latest of its history").isEqualTo(Instant.ofEpochSecond(1730092888L));
        assertThat(delivered.message().outbound()).isTrue();
        assertThat(delivered.conversationWindow()).isNull();
        assertThat(delivered.pricing()).isNull();
    }
}
