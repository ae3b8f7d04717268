package io.github.camelkapso.message;

import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Meta's limits, broken one at a time: each failure names the field and the rule it broke. */
class WhatsAppMessageLimitsTest {

    private static final String TO = "15551234567";

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("blank recipient", () -> WhatsAppMessages.text(" ", "hi"), "to is required"),
                broken("text body too long", () -> WhatsAppMessages.text(TO, "x".repeat(4097)),
                        "text.body must be at most 4096 characters, got 4097"),
                broken("blank reply-to id", () -> WhatsAppMessages.text(TO, "hi").replyTo(""), "context.message_id is required"),

                broken("media link not http", () -> Media.link("ftp://example.com/a.jpg"),
                        "media link must be an http or https URL, got scheme ftp"),
                broken("media link without scheme", () -> Media.link("example.com/a.jpg"), "media link must be an http or https URL"),
                broken("blank media id", () -> Media.id(""), "media id is required"),
                broken("image without media", () -> WhatsAppMessages.image(TO, null), "image needs a media reference"),
                broken("caption on audio", () -> WhatsAppMessages.audio(TO, Media.id("1")).caption("x"),
                        "audio.caption is not supported"),
                broken("caption on sticker", () -> WhatsAppMessages.sticker(TO, Media.id("1")).caption("x"),
                        "sticker.caption is not supported"),
                broken("caption too long", () -> WhatsAppMessages.image(TO, Media.id("1")).caption("x".repeat(1025)),
                        "image.caption must be at most 1024 characters, got 1025"),
                broken("file name on an image", () -> WhatsAppMessages.image(TO, Media.id("1")).filename("a.jpg"),
                        "image.filename is not supported: only document messages"),
                broken("voice flag on a video", () -> WhatsAppMessages.video(TO, Media.id("1")).voice(true),
                        "video.voice is not supported"),

                broken("template without name", () -> WhatsAppMessages.template(TO, "", "en_US"), "template.name is required"),
                broken("template without language", () -> WhatsAppMessages.template(TO, "hello_world", null),
                        "template.language.code is required"),
                broken("named after positional", () -> WhatsAppMessages.template(TO, "t", "en").bodyTexts("a")
                        .namedBodyText("first_name", "b"), "template body parameter first_name is named but earlier ones are positional"),
                broken("positional after named header", () -> WhatsAppMessages.template(TO, "t", "en")
                        .namedHeaderText("sale", "x").bodyTexts("a"), "template body parameter 1 is positional but earlier ones are named"),
                broken("bad parameter name", () -> WhatsAppMessages.template(TO, "t", "en").namedBodyText("First Name", "b"),
                        "name must be lowercase letters, digits and underscores"),
                broken("blank body parameter", () -> WhatsAppMessages.template(TO, "t", "en").bodyTexts("a", " "),
                        "template body parameter 2 is required"),
                broken("two headers", () -> WhatsAppMessages.template(TO, "t", "en").headerText("a")
                        .headerImage(Media.id("1")), "template header takes one parameter"),
                broken("button index above 9", () -> WhatsAppMessages.template(TO, "t", "en").urlButton(10, "x"),
                        "template button index must be between 0 and 9, got 10"),
                broken("button index used twice", () -> WhatsAppMessages.template(TO, "t", "en").urlButton(0, "x")
                        .quickReplyButton(0, "p"), "template button index must be unique within the message; 0 is used twice"),

                broken("fourth reply button", () -> WhatsAppMessages.replyButtons(TO, "?").button("a", "A").button("b", "B")
                        .button("c", "C").button("d", "D"), "interactive.action.buttons takes at most 3 reply buttons, got 4"),
                broken("button title too long", () -> WhatsAppMessages.replyButtons(TO, "?").button("a", "x".repeat(21)),
                        "interactive.action.buttons[0].reply.title must be at most 20 characters, got 21"),
                broken("button id too long", () -> WhatsAppMessages.replyButtons(TO, "?").button("x".repeat(257), "A"),
                        "interactive.action.buttons[0].reply.id must be at most 256 characters, got 257"),
                broken("button id with spaces around", () -> WhatsAppMessages.replyButtons(TO, "?").button(" a", "A"),
                        "interactive.action.buttons[0].reply.id must not start or end with whitespace"),
                broken("button id twice", () -> WhatsAppMessages.replyButtons(TO, "?").button("a", "A").button("a", "B"),
                        "interactive.action.buttons[1].reply.id must be unique within the message"),
                broken("button title twice", () -> WhatsAppMessages.replyButtons(TO, "?").button("a", "Same").button("b", "Same"),
                        "interactive.action.buttons[1].reply.title must be unique within the message"),
                broken("no reply button", () -> WhatsAppMessages.replyButtons(TO, "?").build(),
                        "interactive.action.buttons needs at least one reply button"),
                broken("button body too long", () -> WhatsAppMessages.replyButtons(TO, "x".repeat(1025)),
                        "interactive.body.text must be at most 1024 characters, got 1025"),
                broken("header text too long", () -> WhatsAppMessages.replyButtons(TO, "?").headerText("x".repeat(61)),
                        "interactive.header.text must be at most 60 characters, got 61"),
                broken("footer too long", () -> WhatsAppMessages.list(TO, "?", "Open").footer("x".repeat(61)),
                        "interactive.footer.text must be at most 60 characters, got 61"),
                broken("two interactive headers", () -> WhatsAppMessages.replyButtons(TO, "?").headerText("a")
                        .headerImage(Media.id("1")), "interactive.header is already set"),

                broken("list body too long", () -> WhatsAppMessages.list(TO, "x".repeat(4097), "Open"),
                        "interactive.body.text must be at most 4096 characters, got 4097"),
                broken("list button label too long", () -> WhatsAppMessages.list(TO, "?", "x".repeat(21)),
                        "interactive.action.button must be at most 20 characters, got 21"),
                broken("eleventh row", () -> rows(WhatsAppMessages.list(TO, "?", "Open").section("A"), 6).section("B")
                        .row("b1", "B1").row("b2", "B2").row("b3", "B3").row("b4", "B4").row("b5", "B5"),
                        "interactive.action.sections[*].rows takes at most 10 rows across all sections, got 11"),
                broken("eleventh section", () -> sections(WhatsAppMessages.list(TO, "?", "Open"), 11),
                        "interactive.action.sections takes at most 10 sections, got 11"),
                broken("row title too long", () -> WhatsAppMessages.list(TO, "?", "Open").row("a", "x".repeat(25)),
                        "interactive.action.sections[0].rows[0].title must be at most 24 characters, got 25"),
                broken("row description too long", () -> WhatsAppMessages.list(TO, "?", "Open").row("a", "A", "x".repeat(73)),
                        "interactive.action.sections[0].rows[0].description must be at most 72 characters, got 73"),
                broken("row id too long", () -> WhatsAppMessages.list(TO, "?", "Open").row("x".repeat(201), "A"),
                        "interactive.action.sections[0].rows[0].id must be at most 200 characters, got 201"),
                broken("row id twice", () -> WhatsAppMessages.list(TO, "?", "Open").section("A").row("same", "One")
                        .section("B").row("same", "Two"), "interactive.action.sections[1].rows[0].id must be unique within the message"),
                broken("section title too long", () -> WhatsAppMessages.list(TO, "?", "Open").section("x".repeat(25)),
                        "interactive.action.sections[0].title must be at most 24 characters, got 25"),
                broken("untitled section beside another", () -> WhatsAppMessages.list(TO, "?", "Open").row("a", "A")
                        .section("B").row("b", "B").build(),
                        "interactive.action.sections[0].title is required when the list has more than one section"),
                broken("empty section", () -> WhatsAppMessages.list(TO, "?", "Open").section("A").row("a", "A").section("B").build(),
                        "interactive.action.sections[1].rows needs at least one row"),
                broken("list without rows", () -> WhatsAppMessages.list(TO, "?", "Open").build(),
                        "interactive.action.sections needs at least one section with a row"),

                broken("reaction without emoji", () -> WhatsAppMessages.reaction(TO, "wamid.1", null), "reaction.emoji is required"),
                broken("reaction without message", () -> WhatsAppMessages.reaction(TO, "", "👍"), "reaction.message_id is required"),
                broken("latitude above 90", () -> WhatsAppMessages.location(TO, 90.5, 0), "location.latitude must be between -90.0 and 90.0"),
                broken("longitude below -180", () -> WhatsAppMessages.location(TO, 0, -180.5),
                        "location.longitude must be between -180.0 and 180.0"),
                broken("latitude not a number", () -> WhatsAppMessages.location(TO, Double.NaN, 0), "location.latitude must be between"),
                broken("mark as read without message", () -> WhatsAppMessages.markAsRead(null), "message_id is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleFailsNamingTheFieldAndTheRule(String rule, ThrowingCallable call, String message) {
        assertThatThrownBy(call).as(rule).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void theLimitsThemselvesAreAllowedAndCountEmojiAsOneCharacter() {
        String twentyEmoji = "😀".repeat(20);
        assertThat(twentyEmoji.length()).isEqualTo(40);

        assertThatCode(() -> WhatsAppMessages.replyButtons(TO, "x".repeat(1024)).headerText("é".repeat(60)).footer("x".repeat(60))
                .button("x".repeat(256), twentyEmoji).button("b", "B").button("c", "C").build()).doesNotThrowAnyException();
        assertThatCode(() -> rows(WhatsAppMessages.list(TO, "x".repeat(4096), "x".repeat(20)).section("x".repeat(24)), 10)
                .build()).doesNotThrowAnyException();
        assertThatCode(() -> sections(WhatsAppMessages.list(TO, "?", "Open"), 10).build()).doesNotThrowAnyException();
        assertThatCode(() -> WhatsAppMessages.list(TO, "?", "Open").row("x".repeat(200), "x".repeat(24), "x".repeat(72))
                .build()).doesNotThrowAnyException();
        assertThatCode(() -> WhatsAppMessages.template(TO, "t", "en").urlButton(9, "x").urlButton(0, "y").build())
                .doesNotThrowAnyException();
        assertThatCode(() -> WhatsAppMessages.location(TO, -90, 180).build()).doesNotThrowAnyException();
    }

    @Test
    void builtBodiesCannotBeChangedAfterwards() {
        assertThatThrownBy(() -> WhatsAppMessages.text(TO, "hi").build().put("to", "other"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> WhatsAppMessages.markAsRead("wamid.1").build().remove("status"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static ListMessageBuilder rows(ListMessageBuilder list, int count) {
        for (int i = 0; i < count; i++) {
            list.row("r" + i, "Row " + i);
        }
        return list;
    }

    private static ListMessageBuilder sections(ListMessageBuilder list, int count) {
        for (int i = 0; i < count; i++) {
            list.section("Section " + i).row("s" + i, "Row " + i);
        }
        return list;
    }

    private static Arguments broken(String rule, ThrowingCallable call, String message) {
        return arguments(rule, call, message);
    }
}
