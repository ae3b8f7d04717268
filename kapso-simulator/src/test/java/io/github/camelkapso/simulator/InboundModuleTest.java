package io.github.camelkapso.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.Stores;
import io.github.camelkapso.simulator.support.WebhookReceiver;
import io.github.camelkapso.simulator.support.WebhooksTestBase;
import io.github.camelkapso.simulator.webhooks.Signatures;
import io.github.camelkapso.simulator.webhooks.inbound.InboundMedia;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboundModuleTest extends WebhooksTestBase {

    @Test
    void textOpensTheConversationAndTheWindow() {
        Answer a = admin("inbound/text", Map.of("from", "+15550100501", "name", "Emma Schulz", "text", "Hello"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode m = a.json().path("data");
        assertThat(m.path("from").asText()).isEqualTo("15550100501");
        assertThat(m.path("type").asText()).isEqualTo("text");
        assertThat(m.path("kapso").path("direction").asText()).isEqualTo("inbound");
        JsonNode conversation = stored(Stores.CONVERSATIONS, m.path("kapso").path("whatsapp_conversation_id").asText());
        assertThat(conversation.path("status").asText()).isEqualTo("active");
        assertThat(conversation.path("kapso").path("last_inbound_at").isNull()).isFalse();
        assertThat(conversation.path("kapso").path("contact_name").asText()).isEqualTo("Emma Schulz");
    }

    @Test
    void mediaIsStoredSoItCanBeFetched() {
        Answer a = admin("inbound/media", Map.of("from", "+15550100502", "type", "document", "caption", "Invoice", "filename", "invoice.pdf"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode document = a.json().path("data").path("document");
        assertThat(document.path("filename").asText()).isEqualTo("invoice.pdf");
        assertThat(document.path("caption").asText()).isEqualTo("Invoice");
        assertThat(document.path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(a.json().path("data").path("kapso").path("has_media").asBoolean()).isTrue();

        JsonNode media = stored(Stores.MEDIA, document.path("id").asText());
        byte[] bytes = downloadThroughTheApi(document.path("id").asText());
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        assertThat(media.path("sha256").asText()).isEqualTo(document.path("sha256").asText()).isEqualTo(Signatures.sha256Hex(bytes));
        assertThat(media.path("file_size").asInt()).isEqualTo(bytes.length);

        JsonNode image = admin("inbound/media", Map.of("from", "+15550100502", "type", "image")).json().path("data").path("image");
        byte[] png = downloadThroughTheApi(image.path("id").asText());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        assertThat(admin("inbound/media", Map.of("from", "+15550100502", "type", "hologram")).status()).isEqualTo(422);
    }

    /** getMediaUrl then downloadMedia with the token of the URL, through the kapso: component. */
    private static byte[] downloadThroughTheApi(String mediaId) {
        String url = (String) ok("getMediaUrl", null, Map.of("CamelKapsoMediaId", mediaId,
                "CamelKapsoPhoneNumberId", io.github.camelkapso.simulator.SimulatorConfig.DEFAULT_PHONE_NUMBER_ID)).get("url");
        String token = java.net.URLDecoder.decode(url.substring(url.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        org.apache.camel.Exchange download = call("downloadMedia", null, Map.of("CamelKapsoToken", token));
        assertThat(download.getException()).isNull();
        return download.getMessage().getBody(byte[].class);
    }

    @Test
    void interactiveRepliesLocationsAndFlowCompletions() {
        JsonNode button = admin("inbound/interactive", Map.of("from", "+15550100503",
                "button_reply", Map.of("id", "confirm_order", "title", "Yes, confirm"))).json().path("data");
        assertThat(button.path("interactive").path("type").asText()).isEqualTo("button_reply");
        assertThat(button.path("interactive").path("button_reply").path("id").asText()).isEqualTo("confirm_order");

        JsonNode list = admin("inbound/interactive", Map.of("from", "+15550100503",
                "list_reply", Map.of("id", "express", "title", "Express", "description", "Next day"))).json().path("data");
        assertThat(list.path("interactive").path("list_reply").path("description").asText()).isEqualTo("Next day");

        JsonNode location = admin("inbound/location", Map.of("from", "+15550100503", "latitude", 51.5072, "longitude", -0.1276,
                "name", "Office", "address", "10 Downing St")).json().path("data");
        assertThat(location.path("location").path("latitude").asDouble()).isEqualTo(51.5072);
        assertThat(location.path("location").path("name").asText()).isEqualTo("Office");

        JsonNode flow = admin("inbound/flow", Map.of("from", "+15550100503", "flow_token", "ft_123",
                "response_json", Map.of("rating", "5", "comment", "Great"))).json().path("data");
        JsonNode nfm = flow.path("interactive").path("nfm_reply");
        assertThat(nfm.path("response_json").isTextual()).isTrue();
        assertThat(nfm.path("response_json").asText()).contains("\"flow_token\":\"ft_123\"");
        assertThat(flow.path("kapso").path("flow_token").asText()).isEqualTo("ft_123");
        assertThat(flow.path("kapso").path("flow_response").path("rating").asText()).isEqualTo("5");

        assertThat(admin("inbound/interactive", Map.of("from", "+15550100503")).status()).isEqualTo(422);
        assertThat(admin("inbound/location", Map.of("from", "+15550100503", "latitude", 91, "longitude", 0)).json().path("error").asText())
                .contains("latitude");
        assertThat(admin("inbound/text", Map.of("from", "12", "text", "x")).json().path("error").asText()).contains("from");
        assertThat(admin("inbound/text", Map.of("from", "+15550100503")).json().path("error").asText()).contains("text");
        assertThat(admin("inbound/text", Map.of("from", "+15550100503", "text", "x", "phone_number_id", "404")).status()).isEqualTo(404);
    }

    @Test
    void callsAreRecordedRingingAndForwardedToMetaWebhooksOnly() {
        WebhookReceiver meta = receiver();
        WebhookReceiver kapso = receiver();
        ok("createWebhook", Map.of("url", meta.url(), "secret_key", SECRET, "kind", "meta"), Map.of());
        numberWebhook(kapso, List.of("whatsapp.message.received", "whatsapp.conversation.created"), Map.of());

        Answer a = admin("inbound/call", Map.of("from", "+15550100504", "name", "Farah Haddad"));
        assertThat(a.status()).isEqualTo(201);
        JsonNode call = a.json().path("data");
        assertThat(call.path("status").asText()).isEqualTo("ringing");
        assertThat(call.path("direction").asText()).isEqualTo("inbound");
        assertThat(call.path("call_id").asText()).startsWith("wacid.");
        assertThat(call.path("whatsapp_contact").path("profile_name").asText()).isEqualTo("Farah Haddad");
        assertThat(stored(Stores.CALLS, call.path("id").asText()).path("user_wa_id").asText()).isEqualTo("15550100504");

        await().atMost(Duration.ofSeconds(5)).until(() -> meta.all().size() == 1);
        JsonNode change = meta.all().get(0).json().path("entry").path(0).path("changes").path(0);
        assertThat(change.path("field").asText()).isEqualTo("calls");
        assertThat(change.path("value").path("calls").path(0).path("id").asText()).isEqualTo(call.path("call_id").asText());
        assertThat(change.path("value").path("calls").path(0).path("event").asText()).isEqualTo("connect");
        assertThat(kapso.all()).isEmpty();
    }

    private static JsonNode stored(String store, String id) {
        return simulator.onLoop(() -> simulator.context().state().store(store).get(id).map(ObjectNode::deepCopy)
                .orElseThrow(() -> new AssertionError(store + " has no " + id)));
    }
}
