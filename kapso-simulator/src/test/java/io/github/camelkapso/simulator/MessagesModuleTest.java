package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoErrorCategory;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.support.MessagingFixtures.inbound;
import static io.github.camelkapso.simulator.support.MessagingFixtures.orderUpdate;
import static io.github.camelkapso.simulator.support.MessagingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MessagesModuleTest extends SimulatorTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void replyAfterInboundIsListedWithKapsoFieldsOnlyWhenAsked() {
        ObjectNode received = inbound(simulator, "15551110001", "Ana", "Where is my order?");
        String conversationId = received.path("kapso").path("whatsapp_conversation_id").asText();

        Exchange sent = call("sendMessage", text("+1 555-111-0001", "On its way!"), Map.of());
        assertThat(sent.getException()).isNull();
        Map<String, Object> answer = sent.getMessage().getBody(Map.class);
        assertThat(answer).containsEntry("messaging_product", "whatsapp");
        assertThat((List<Map<String, Object>>) answer.get("contacts"))
                .containsExactly(Map.of("input", "+1 555-111-0001", "wa_id", "15551110001"));
        String wamid = sent.getMessage().getHeader(KapsoConstants.MESSAGE_ID, String.class);
        assertThat(wamid).startsWith("wamid.");

        Map<String, Object> bare = ok("listMessages", null, Map.of("CamelKapsoConversationId", conversationId));
        List<Map<String, Object>> messages = (List<Map<String, Object>>) bare.get("data");
        assertThat(messages).extracting(m -> m.get("id")).containsExactly(wamid, received.path("id").asText());
        assertThat(messages.get(0)).containsEntry("to", "15551110001").containsEntry("type", "text").doesNotContainKey("kapso");
        assertThat(messages.get(1)).containsEntry("from", "15551110001").doesNotContainKey("kapso");

        List<Map<String, Object>> all = (List<Map<String, Object>>) ok("listMessages", null,
                Map.of("CamelKapsoConversationId", conversationId, "CamelKapsoFields", "kapso(default)")).get("data");
        assertThat((Map<String, Object>) all.get(0).get("kapso")).containsEntry("direction", "outbound")
                .containsEntry("content", "On its way!").containsEntry("whatsapp_conversation_id", conversationId);
        assertThat((Map<String, Object>) all.get(1).get("kapso")).containsEntry("direction", "inbound").containsEntry("contact_name", "Ana");

        List<Map<String, Object>> some = (List<Map<String, Object>>) ok("listMessages", null,
                Map.of("CamelKapsoConversationId", conversationId, "CamelKapsoFields", "kapso(direction,content)")).get("data");
        assertThat(((Map<String, Object>) some.get(0).get("kapso")).keySet()).containsExactlyInAnyOrder("direction", "content");

        assertThat((List<Map<String, Object>>) ok("listMessages", null,
                Map.of("CamelKapsoConversationId", conversationId, "CamelKapsoFields", "kapso()")).get("data"))
                .allSatisfy(m -> assertThat(m).doesNotContainKey("kapso"));

        List<Map<String, Object>> inboundOnly = (List<Map<String, Object>>) ok("listMessages", null,
                Map.of("CamelKapsoConversationId", conversationId, "CamelKapsoDirection", "inbound")).get("data");
        assertThat(inboundOnly).extracting(m -> m.get("id")).containsExactly(received.path("id").asText());

        Map<String, Object> one = ok("getMessage", null, Map.of("CamelKapsoMessageId", wamid, "CamelKapsoFields", "kapso(*)"));
        assertThat(one).containsEntry("id", wamid).containsEntry("text", Map.of("body", "On its way!"));
        assertThat((Map<String, Object>) one.get("kapso")).containsEntry("direction", "outbound");

        Map<String, Object> platform = data(ok("getProjectMessage", null, Map.of("CamelKapsoMessageId", wamid)));
        assertThat((Map<String, Object>) platform.get("kapso")).containsEntry("phone_number_id", SimulatorConfig.DEFAULT_PHONE_NUMBER_ID);
    }

    @Test
    void textOutsideTheWindowIsAReengagementError() {
        Exchange ex = call("sendMessage", text("15551110002", "Hello stranger"), Map.of());

        assertThat(ex.getException()).isInstanceOf(KapsoValidationException.class);
        KapsoApiException e = (KapsoApiException) ex.getException();
        assertThat(e.getCode()).isEqualTo(131047);
        assertThat(e.getCategory()).isEqualTo(KapsoErrorCategory.REENGAGEMENT_WINDOW);
        assertThat((List<?>) ok("listProjectConversations", null, Map.of("CamelKapsoPhoneNumber", "15551110002")).get("data")).isEmpty();
    }

    @Test
    void templatesGoToNewNumbersWhenTheyExistAndMatch() {
        Map<String, Object> sent = ok("sendMessage", orderUpdate("15551110003", "Ana", "A-1001"), Map.of());
        assertThat(sent).containsKey("messages");

        Exchange unknown = call("sendMessage", Map.of("messaging_product", "whatsapp", "to", "15551110003", "type", "template",
                "template", Map.of("name", "no_such_template", "language", Map.of("code", "en_US"))), Map.of());
        assertThat(unknown.getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(((KapsoApiException) unknown.getException()).getCode()).isEqualTo(132001);
        assertThat(((KapsoApiException) unknown.getException()).getCategory()).isEqualTo(KapsoErrorCategory.TEMPLATE);

        Exchange otherLanguage = call("sendMessage", Map.of("messaging_product", "whatsapp", "to", "15551110003", "type", "template",
                "template", Map.of("name", "order_update", "language", Map.of("code", "pt_BR"))), Map.of());
        assertThat(((KapsoApiException) otherLanguage.getException()).getCode()).isEqualTo(132001);

        Exchange tooFew = call("sendMessage", orderUpdate("15551110003", "Ana"), Map.of());
        assertThat(((KapsoApiException) tooFew.getException()).getCode()).isEqualTo(132000);
        assertThat(((KapsoApiException) tooFew.getException()).getErrorDetails()).contains("body").contains("(1)").contains("(2)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusesProgressToRead() {
        List<Map<String, Object>> sent = (List<Map<String, Object>>) ok("sendMessage", orderUpdate("15551110004", "Ben", "B-2"), Map.of())
                .get("messages");
        String wamid = (String) sent.get(0).get("id");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, Object> kapso = (Map<String, Object>) data(ok("getProjectMessage", null, Map.of("CamelKapsoMessageId", wamid))).get("kapso");
            assertThat(kapso).containsEntry("status", "read");
            assertThat((List<Map<String, Object>>) kapso.get("statuses")).extracting(s -> s.get("status"))
                    .containsExactly("sent", "delivered", "read");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void markAsReadAnswersSuccess() {
        ObjectNode received = inbound(simulator, "15551110005", "Cy", "Hi");
        Map<String, Object> answer = ok("sendMessage", Map.of("messaging_product", "whatsapp", "status", "read",
                "message_id", received.path("id").asText()), Map.of());
        assertThat(answer).isEqualTo(Map.of("success", true));
        Map<String, Object> kapso = (Map<String, Object>) data(ok("getProjectMessage", null,
                Map.of("CamelKapsoMessageId", received.path("id").asText()))).get("kapso");
        assertThat(kapso).containsEntry("status", "read");
    }

    @Test
    void interactiveHeadersAndFootersRejectMarkdown() {
        inbound(simulator, "15551110006", "Di", "Menu please");
        Exchange bold = call("sendMessage", buttons("15551110006", Map.of("type", "text", "text", "*Big* sale"), "Pick one"), Map.of());
        assertThat(bold.getException()).isInstanceOf(KapsoValidationException.class);
        assertThat(((KapsoApiException) bold.getException()).getCode()).isEqualTo(131009);
        assertThat(((KapsoApiException) bold.getException()).getErrorDetails()).contains("interactive.header.text");

        Exchange plain = call("sendMessage", buttons("15551110006", Map.of("type", "text", "text", "Big sale, snake_case ok"), "Pick one"), Map.of());
        assertThat(plain.getException()).isNull();
    }

    @Test
    void limitsCountCodePoints() {
        inbound(simulator, "15551110007", "Ed", "Emoji time");
        String emoji = "\uD83D\uDE00";
        assertThat(call("sendMessage", text("15551110007", emoji.repeat(4096)), Map.of()).getException()).isNull();

        Exchange tooLong = call("sendMessage", text("15551110007", emoji.repeat(4097)), Map.of());
        assertThat(tooLong.getException()).isInstanceOf(KapsoValidationException.class);
        assertThat(((KapsoApiException) tooLong.getException()).getCode()).isEqualTo(131009);
        assertThat(((KapsoApiException) tooLong.getException()).getErrorDetails()).contains("text.body").contains("4097");

        // The published schema's limit (interactive body 1024) is answered with the same send code.
        Exchange body = call("sendMessage", buttons("15551110007", null, "x".repeat(1025)), Map.of());
        assertThat(((KapsoApiException) body.getException()).getCode()).isEqualTo(131009);
        assertThat(((KapsoApiException) body.getException()).getErrorDetails()).contains("interactive.body.text");
    }

    @Test
    void reactionsNeedAKnownMessageAndPhoneNumbersMustExist() {
        ObjectNode received = inbound(simulator, "15551110008", "Flo", "Thanks");
        assertThat(call("sendMessage", reaction("15551110008", received.path("id").asText()), Map.of()).getException()).isNull();

        Exchange unknown = call("sendMessage", reaction("15551110008", "wamid.UNKNOWN"), Map.of());
        assertThat(((KapsoApiException) unknown.getException()).getCode()).isEqualTo(131009);

        Exchange noNumber = call("sendMessage", text("15551110008", "hi"), Map.of("CamelKapsoPhoneNumberId", "999000999"));
        assertThat(noNumber.getException()).isInstanceOf(KapsoNotFoundException.class);
        assertThat(((KapsoApiException) noNumber.getException()).getCode()).isEqualTo(100);
        assertThat(((KapsoApiException) noNumber.getException()).getSubcode()).isEqualTo(33);
    }

    @Test
    @SuppressWarnings("unchecked")
    void autoPaginateWalksThreePages() {
        ObjectNode received = inbound(simulator, "15551110009", "Gus", "Tell me everything");
        String conversationId = received.path("kapso").path("whatsapp_conversation_id").asText();
        for (int i = 1; i <= 5; i++) {
            ok("sendMessage", text("15551110009", "Part " + i), Map.of());
        }
        Map<String, Object> headers = Map.of("CamelKapsoConversationId", conversationId, "CamelKapsoLimit", 2);

        Exchange meta = call("listMessages?autoPaginate=true", null, headers);
        assertThat(meta.getException()).isNull();
        assertThat(meta.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat((List<Map<String, Object>>) meta.getMessage().getBody(List.class)).extracting(m -> m.get("id"))
                .doesNotHaveDuplicates().hasSize(6).endsWith(received.path("id").asText());

        Exchange platform = call("listProjectMessages?autoPaginate=true", null, headers);
        assertThat(platform.getMessage().getHeader(KapsoConstants.PAGES_FETCHED)).isEqualTo(3);
        assertThat((List<Map<String, Object>>) platform.getMessage().getBody(List.class)).hasSize(6)
                .allSatisfy(m -> assertThat(m).containsKey("kapso"));
    }

    private static Map<String, Object> buttons(String to, Map<String, Object> header, String body) {
        Map<String, Object> interactive = new java.util.HashMap<>(Map.of("type", "button", "body", Map.of("text", body),
                "action", Map.of("buttons", List.of(
                        Map.of("type", "reply", "reply", Map.of("id", "yes", "title", "Yes")),
                        Map.of("type", "reply", "reply", Map.of("id", "no", "title", "No"))))));
        if (header != null) {
            interactive.put("header", header);
        }
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "interactive", "interactive", interactive);
    }

    private static Map<String, Object> reaction(String to, String messageId) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "reaction",
                "reaction", Map.of("message_id", messageId, "emoji", "\uD83D\uDC4D"));
    }
}
