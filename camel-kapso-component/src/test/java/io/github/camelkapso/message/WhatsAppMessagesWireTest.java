package io.github.camelkapso.message;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.support.KapsoProducerTestBase;
import io.github.camelkapso.support.StubResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each builder kind sent through a {@code kapso:sendMessage} route: the stub must receive exactly Meta's JSON, key
 * order included.
 */
class WhatsAppMessagesWireTest extends KapsoProducerTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TO = "15551234567";
    private static final String WAMID = "wamid.HBgNMTU1NTE0OTU5Nzg1FQIAERgSMDhGRjdBMDEyOTcxQzFFQkFBAA==";

    @Override
    protected void configure(KapsoComponent component) {
        component.getConfiguration().setPhoneNumberId("1065");
    }

    @Override
    protected RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("kapso:sendMessage");
                from("direct:booking-reminder")
                        .setBody(exchange -> WhatsAppMessages
                                .replyButtons(exchange.getMessage().getHeader("phone", String.class),
                                        "Your table for two is booked for Friday 20:00. Still coming?")
                                .headerText("Booking #1023")
                                .button("confirm", "Confirm")
                                .button("cancel", "Cancel")
                                .build())
                        .to("kapso:sendMessage");
            }
        };
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                kind("text with preview, as a reply",
                        () -> WhatsAppMessages.text(TO, "Track it at https://example.com/t/1").previewUrl(true).replyTo(WAMID).build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"text",
                         "context":{"message_id":"%s"},
                         "text":{"body":"Track it at https://example.com/t/1","preview_url":true}}""".formatted(WAMID)),
                kind("image by link with caption",
                        () -> WhatsAppMessages.image(TO, Media.link("https://example.com/p.jpg")).caption("New ✓").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"image",
                         "image":{"link":"https://example.com/p.jpg","caption":"New ✓"}}"""),
                kind("video by id with caption",
                        () -> WhatsAppMessages.video(TO, Media.id("1166846181421424")).caption("Unboxing").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"video",
                         "video":{"id":"1166846181421424","caption":"Unboxing"}}"""),
                kind("audio by id as a voice note",
                        () -> WhatsAppMessages.audio(TO, Media.id("1013859600285441")).voice(true).build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"audio",
                         "audio":{"id":"1013859600285441","voice":true}}"""),
                kind("document by link with file name and caption",
                        () -> WhatsAppMessages.document(TO, Media.link("https://example.com/i/42.pdf")).caption("Your invoice")
                                .filename("invoice-42.pdf").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"document",
                         "document":{"link":"https://example.com/i/42.pdf","caption":"Your invoice","filename":"invoice-42.pdf"}}"""),
                kind("sticker by id",
                        () -> WhatsAppMessages.sticker(TO, Media.id("798882015472548")).build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"sticker","sticker":{"id":"798882015472548"}}"""),
                kind("template with image header, positional body and buttons",
                        () -> WhatsAppMessages.template(TO, "seasonal_promotion", "en_US")
                                .headerImage(Media.link("https://example.com/summer.jpg"))
                                .bodyTexts("Summer Sale", "SUMMER25")
                                .quickReplyButton(1, "stop_promotions")
                                .urlButton(0, "summer2024")
                                .build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"template",
                         "template":{"name":"seasonal_promotion","language":{"code":"en_US"},"components":[
                           {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/summer.jpg"}}]},
                           {"type":"body","parameters":[{"type":"text","text":"Summer Sale"},{"type":"text","text":"SUMMER25"}]},
                           {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"summer2024"}]},
                           {"type":"button","sub_type":"quick_reply","index":"1","parameters":[{"type":"payload","payload":"stop_promotions"}]}]}}"""),
                kind("template with named header and body parameters",
                        () -> WhatsAppMessages.template(TO, "order_confirmation", "es")
                                .namedHeaderText("sale_name", "Black Friday")
                                .namedBodyText("first_name", "Jessica")
                                .namedBodyText("order_number", "SKBUP2-4CPIG9")
                                .build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"template",
                         "template":{"name":"order_confirmation","language":{"code":"es"},"components":[
                           {"type":"header","parameters":[{"type":"text","parameter_name":"sale_name","text":"Black Friday"}]},
                           {"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Jessica"},
                                                        {"type":"text","parameter_name":"order_number","text":"SKBUP2-4CPIG9"}]}]}}"""),
                kind("template without parameters",
                        () -> WhatsAppMessages.template(TO, "hello_world", "en_US").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"template",
                         "template":{"name":"hello_world","language":{"code":"en_US"}}}"""),
                kind("reply buttons with text header and footer",
                        () -> WhatsAppMessages.replyButtons(TO, "Confirm your booking for Friday?")
                                .headerText("Booking #1023")
                                .footer("Reply within 24 h")
                                .button("confirm", "Confirm")
                                .button("move", "Move it")
                                .button("cancel", "Cancel")
                                .build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"interactive",
                         "interactive":{"type":"button","header":{"type":"text","text":"Booking #1023"},
                           "body":{"text":"Confirm your booking for Friday?"},"footer":{"text":"Reply within 24 h"},
                           "action":{"buttons":[{"type":"reply","reply":{"id":"confirm","title":"Confirm"}},
                                                {"type":"reply","reply":{"id":"move","title":"Move it"}},
                                                {"type":"reply","reply":{"id":"cancel","title":"Cancel"}}]}}}"""),
                kind("reply buttons with an image header",
                        () -> WhatsAppMessages.replyButtons(TO, "Like it?").headerImage(Media.id("img-1"))
                                .button("yes", "👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"interactive",
                         "interactive":{"type":"button","header":{"type":"image","image":{"id":"img-1"}},"body":{"text":"Like it?"},
                           "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍"}}]}}}"""),
                kind("list with two sections",
                        () -> WhatsAppMessages.list(TO, "Which shipping option do you prefer?", "View options")
                                .headerText("Choose shipping")
                                .footer("Estimates may vary")
                                .section("Fast")
                                .row("express", "Express", "1-2 days")
                                .row("priority", "Priority")
                                .section("Cheap")
                                .row("standard", "Standard", "5-7 days")
                                .build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"interactive",
                         "interactive":{"type":"list","header":{"type":"text","text":"Choose shipping"},
                           "body":{"text":"Which shipping option do you prefer?"},"footer":{"text":"Estimates may vary"},
                           "action":{"button":"View options","sections":[
                             {"title":"Fast","rows":[{"id":"express","title":"Express","description":"1-2 days"},
                                                     {"id":"priority","title":"Priority"}]},
                             {"title":"Cheap","rows":[{"id":"standard","title":"Standard","description":"5-7 days"}]}]}}}"""),
                kind("list with one untitled section",
                        () -> WhatsAppMessages.list(TO, "Pick a size", "Sizes").row("s", "Small").row("m", "Medium").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"interactive",
                         "interactive":{"type":"list","body":{"text":"Pick a size"},
                           "action":{"button":"Sizes","sections":[{"rows":[{"id":"s","title":"Small"},{"id":"m","title":"Medium"}]}]}}}"""),
                kind("reaction",
                        () -> WhatsAppMessages.reaction(TO, WAMID, "👍").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"reaction",
                         "reaction":{"message_id":"%s","emoji":"👍"}}""".formatted(WAMID)),
                kind("reaction removed",
                        () -> WhatsAppMessages.removeReaction(TO, WAMID).build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"reaction",
                         "reaction":{"message_id":"%s","emoji":""}}""".formatted(WAMID)),
                kind("location with name and address",
                        () -> WhatsAppMessages.location(TO, 37.7749, -122.4194).name("San Francisco Office")
                                .address("123 Market St, San Francisco, CA 94103").build(),
                        """
                        {"messaging_product":"whatsapp","to":"15551234567","type":"location",
                         "location":{"latitude":37.7749,"longitude":-122.4194,"name":"San Francisco Office",
                                     "address":"123 Market St, San Francisco, CA 94103"}}"""),
                kind("mark as read with typing indicator",
                        () -> WhatsAppMessages.markAsRead(WAMID).withTypingIndicator().build(),
                        """
                        {"messaging_product":"whatsapp","status":"read","message_id":"%s","typing_indicator":{"type":"text"}}"""
                                .formatted(WAMID)),
                kind("mark as read",
                        () -> WhatsAppMessages.markAsRead(WAMID).build(),
                        """
                        {"messaging_product":"whatsapp","status":"read","message_id":"%s"}""".formatted(WAMID)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void theStubReceivesExactlyMetasJson(String kind, Supplier<Map<String, Object>> builder, String expected) throws Exception {
        stub.respond(r -> StubResponse.json(200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.sent\"}]}"));

        Exchange result = template.send("direct:send", ex -> ex.getMessage().setBody(builder.get()));

        assertThat(result.getException()).isNull();
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.lastRequest().rawPath()).isEqualTo("/meta/whatsapp/v24.0/1065/messages");
        // compared as re-written trees: the same keys in the same order, whatever escapes the wire used for emoji
        assertThat(MAPPER.writeValueAsString(stub.lastRequest().json()))
                .isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(expected)));
        assertThat(result.getMessage().getHeader(KapsoConstants.MESSAGE_ID)).isEqualTo("wamid.sent");
    }

    @Test
    void aRouteBuildsTheMessageFromTheExchange() throws Exception {
        Exchange result = send("direct:booking-reminder", null, Map.of("phone", "15557654321"));

        assertThat(result.getException()).isNull();
        assertThat(stub.lastRequest().json()).isEqualTo(MAPPER.readTree("""
                {"messaging_product":"whatsapp","to":"15557654321","type":"interactive",
                 "interactive":{"type":"button","header":{"type":"text","text":"Booking #1023"},
                   "body":{"text":"Your table for two is booked for Friday 20:00. Still coming?"},
                   "action":{"buttons":[{"type":"reply","reply":{"id":"confirm","title":"Confirm"}},
                                        {"type":"reply","reply":{"id":"cancel","title":"Cancel"}}]}}}"""));
    }

    private static Arguments kind(String name, Supplier<Map<String, Object>> builder, String expected) {
        return arguments(name, builder, expected);
    }
}
