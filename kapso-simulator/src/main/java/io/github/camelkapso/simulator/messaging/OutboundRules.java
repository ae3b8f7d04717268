package io.github.camelkapso.simulator.messaging;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The content rules of an outbound message that its JSON schema cannot express, as Meta enforces them: lengths in
 * Unicode code points (an emoji is one character), item counts, unique ids, no markdown in interactive headers and
 * footers, reactions to existing messages, Flows that exist and are published, approved templates with matching
 * parameters. A broken rule is Graph error 131009 (131008 when something is missing) naming the field.
 */
public final class OutboundRules {

    /** The limits Meta documents, in code points. */
    static final int TEXT_BODY = 4096;
    static final int CAPTION = 1024;
    static final int INTERACTIVE_BODY = 1024;
    static final int HEADER_TEXT = 60;
    static final int FOOTER_TEXT = 60;
    static final int REPLY_BUTTONS = 3;
    static final int BUTTON_TITLE = 20;
    static final int BUTTON_ID = 256;
    static final int LIST_BUTTON = 20;
    static final int LIST_SECTIONS = 10;
    static final int LIST_ROWS = 10;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int ROW_ID = 200;
    static final int SECTION_TITLE = 24;
    static final int CTA_DISPLAY_TEXT = 20;
    static final int FLOW_CTA = 30;
    static final int CARD_BODY = 160;
    static final int PRODUCTS = 30;

    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");
    private static final Set<String> CAPTIONED = Set.of("image", "video", "document");
    /** Interactive types whose body may be left out. */
    private static final Set<String> BODY_OPTIONAL = Set.of("location_request_message", "product");

    /** WhatsApp's inline formatting: *bold*, _italic_, ~strike~ (delimiters not inside a word) and ```mono```. */
    private static final Pattern MARKDOWN = Pattern.compile(
            "```[\\s\\S]+?```"
            + "|(?<![\\p{L}\\p{N}*])\\*[^*\\s](?:[^*\\n]*[^*\\s])?\\*(?![\\p{L}\\p{N}*])"
            + "|(?<![\\p{L}\\p{N}_])_[^_\\s](?:[^_\\n]*[^_\\s])?_(?![\\p{L}\\p{N}_])"
            + "|(?<![\\p{L}\\p{N}~])~[^~\\s](?:[^~\\n]*[^~\\s])?~(?![\\p{L}\\p{N}~])");

    private final SimContext ctx;
    private final ObjectNode phoneNumber;

    private OutboundRules(SimContext ctx, ObjectNode phoneNumber) {
        this.ctx = ctx;
        this.phoneNumber = phoneNumber;
    }

    /**
     * Checks a send request from {@code phoneNumber} (its stored record).
     *
     * @return the stored template when the message is a template message
     */
    public static Optional<ObjectNode> check(SimContext ctx, ObjectNode phoneNumber, JsonNode request) {
        return new OutboundRules(ctx, phoneNumber).check(request);
    }

    private Optional<ObjectNode> check(JsonNode request) {
        String type = request.path("type").asText("text");
        JsonNode content = request.get(type);
        if (content == null || content.isNull()) {
            throw SendErrors.missingParameter(type);
        }
        if (type.equals("text")) {
            max(content.path("body"), "text.body", TEXT_BODY);
        } else if (MEDIA.contains(type)) {
            media(content, type);
        } else if (type.equals("interactive")) {
            interactive(content);
        } else if (type.equals("reaction")) {
            reaction(content);
        } else if (type.equals("template")) {
            return Optional.of(TemplateRules.check(ctx, phoneNumber.path("business_account_id").asText(), content));
        }
        return Optional.empty();
    }

    private static void media(JsonNode content, String type) {
        if (!content.hasNonNull("id") && !content.hasNonNull("link")) {
            throw SendErrors.missingParameter(type + ".id or " + type + ".link");
        }
        if (CAPTIONED.contains(type)) {
            max(content.path("caption"), type + ".caption", CAPTION);
        }
    }

    private void reaction(JsonNode reaction) {
        String target = reaction.path("message_id").asText();
        boolean known = Messaging.of(ctx).message(target)
                .filter(m -> phoneNumber.path("id").asText().equals(m.path("kapso").path("phone_number_id").asText()))
                .isPresent();
        if (!known) {
            throw SendErrors.invalidParameter("reaction.message_id", "does not match a message of this phone number: " + target);
        }
    }

    private void interactive(JsonNode i) {
        String type = i.path("type").asText();
        if (!BODY_OPTIONAL.contains(type) && !i.has("body")) {
            throw SendErrors.missingParameter("interactive.body");
        }
        max(i.path("body").path("text"), "interactive.body.text", INTERACTIVE_BODY);
        header(i.path("header"));
        JsonNode footer = i.path("footer").path("text");
        max(footer, "interactive.footer.text", FOOTER_TEXT);
        noMarkdown(footer, "interactive.footer.text");
        JsonNode action = i.path("action");
        switch (type) {
            case "button":
                buttons(action.path("buttons"));
                break;
            case "list":
                list(action);
                break;
            case "cta_url":
                required(action.path("parameters").path("display_text"), "interactive.action.parameters.display_text");
                required(action.path("parameters").path("url"), "interactive.action.parameters.url");
                max(action.path("parameters").path("display_text"), "interactive.action.parameters.display_text", CTA_DISPLAY_TEXT);
                break;
            case "flow":
                flow(action.path("parameters"));
                break;
            case "carousel":
                carousel(i);
                break;
            case "product_list":
                productList(i);
                break;
            default:
                break;
        }
    }

    private static void header(JsonNode header) {
        if (header.isMissingNode() || header.isNull()) {
            return;
        }
        String type = header.path("type").asText("text");
        if (type.equals("text")) {
            required(header.path("text"), "interactive.header.text");
            max(header.path("text"), "interactive.header.text", HEADER_TEXT);
            noMarkdown(header.path("text"), "interactive.header.text");
        } else if (!header.path(type).hasNonNull("id") && !header.path(type).hasNonNull("link")) {
            throw SendErrors.missingParameter("interactive.header." + type + ".id or interactive.header." + type + ".link");
        }
    }

    private static void buttons(JsonNode buttons) {
        if (!buttons.isArray() || buttons.isEmpty()) {
            throw SendErrors.missingParameter("interactive.action.buttons");
        }
        if (buttons.size() > REPLY_BUTTONS) {
            throw SendErrors.invalidParameter("interactive.action.buttons", "must have at most " + REPLY_BUTTONS + " items (got " + buttons.size() + ")");
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int n = 0; n < buttons.size(); n++) {
            String at = "interactive.action.buttons[" + n + "].reply";
            JsonNode reply = buttons.get(n).path("reply");
            required(reply.path("id"), at + ".id");
            required(reply.path("title"), at + ".title");
            max(reply.path("id"), at + ".id", BUTTON_ID);
            max(reply.path("title"), at + ".title", BUTTON_TITLE);
            if (!ids.add(reply.path("id").asText())) {
                throw SendErrors.invalidParameter(at + ".id", "must be unique among the buttons");
            }
            if (!titles.add(reply.path("title").asText().toLowerCase(Locale.ROOT))) {
                throw SendErrors.invalidParameter(at + ".title", "must be unique among the buttons");
            }
        }
    }

    private static void list(JsonNode action) {
        required(action.path("button"), "interactive.action.button");
        max(action.path("button"), "interactive.action.button", LIST_BUTTON);
        JsonNode sections = action.path("sections");
        if (!sections.isArray() || sections.isEmpty()) {
            throw SendErrors.missingParameter("interactive.action.sections");
        }
        if (sections.size() > LIST_SECTIONS) {
            throw SendErrors.invalidParameter("interactive.action.sections", "must have at most " + LIST_SECTIONS + " items (got " + sections.size() + ")");
        }
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            JsonNode section = sections.get(s);
            String at = "interactive.action.sections[" + s + "]";
            if (sections.size() > 1) {
                required(section.path("title"), at + ".title");
            }
            max(section.path("title"), at + ".title", SECTION_TITLE);
            for (int r = 0; r < section.path("rows").size(); r++) {
                JsonNode row = section.path("rows").get(r);
                String rowAt = at + ".rows[" + r + "]";
                required(row.path("id"), rowAt + ".id");
                required(row.path("title"), rowAt + ".title");
                max(row.path("id"), rowAt + ".id", ROW_ID);
                max(row.path("title"), rowAt + ".title", ROW_TITLE);
                max(row.path("description"), rowAt + ".description", ROW_DESCRIPTION);
                if (!ids.add(row.path("id").asText())) {
                    throw SendErrors.invalidParameter(rowAt + ".id", "must be unique in the list");
                }
                rows++;
            }
        }
        if (rows == 0) {
            throw SendErrors.missingParameter("interactive.action.sections[0].rows");
        }
        if (rows > LIST_ROWS) {
            throw SendErrors.invalidParameter("interactive.action.sections", "must have at most " + LIST_ROWS + " rows in total (got " + rows + ")");
        }
    }

    private void flow(JsonNode parameters) {
        String at = "interactive.action.parameters";
        if (!"3".equals(parameters.path("flow_message_version").asText())) {
            throw SendErrors.invalidParameter(at + ".flow_message_version", "must be \"3\"");
        }
        required(parameters.path("flow_cta"), at + ".flow_cta");
        max(parameters.path("flow_cta"), at + ".flow_cta", FLOW_CTA);
        boolean byId = parameters.hasNonNull("flow_id");
        boolean byName = parameters.hasNonNull("flow_name");
        if (byId == byName) {
            throw SendErrors.invalidParameter(at + ".flow_id", "or flow_name must be given, not both");
        }
        String key = byId ? "flow_id" : "flow_name";
        String wanted = parameters.path(key).asText();
        String waba = phoneNumber.path("business_account_id").asText();
        ObjectNode flow = ctx.state().store(Stores.META_FLOWS)
                .find(f -> wanted.equals(f.path(byId ? "id" : "name").asText()) && waba.equals(f.path("business_account_id").asText()))
                .orElseThrow(() -> SendErrors.invalidParameter(at + "." + key, "does not match a Flow of this WhatsApp Business account: " + wanted));
        boolean draft = "draft".equals(parameters.path("mode").asText("published"));
        if (!draft && !"PUBLISHED".equalsIgnoreCase(flow.path("status").asText())) {
            throw SendErrors.invalidParameter(at + "." + key, "names a Flow that is not published (status "
                                                              + flow.path("status").asText() + "); send it with mode draft");
        }
    }

    private static void carousel(JsonNode i) {
        if (i.has("header") || i.has("footer")) {
            throw SendErrors.invalidParameter(i.has("header") ? "interactive.header" : "interactive.footer",
                    "is not supported on carousel messages");
        }
        JsonNode cards = i.path("action").path("cards");
        for (int c = 0; c < cards.size(); c++) {
            max(cards.get(c).path("body").path("text"), "interactive.action.cards[" + c + "].body.text", CARD_BODY);
        }
    }

    private static void productList(JsonNode i) {
        if (!i.has("header")) {
            throw SendErrors.missingParameter("interactive.header");
        }
        int products = 0;
        for (JsonNode section : i.path("action").path("sections")) {
            products += section.path("product_items").size();
        }
        if (products > PRODUCTS) {
            throw SendErrors.invalidParameter("interactive.action.sections", "must hold at most " + PRODUCTS + " products (got " + products + ")");
        }
    }

    private static void required(JsonNode value, String field) {
        if (value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            throw SendErrors.missingParameter(field);
        }
    }

    /** Rejects text longer than {@code max} code points. */
    private static void max(JsonNode value, String field, int max) {
        if (value.isTextual()) {
            String s = value.asText();
            int length = s.codePointCount(0, s.length());
            if (length > max) {
                throw SendErrors.invalidParameter(field, "must be at most " + max + " characters (got " + length + ")");
            }
        }
    }

    private static void noMarkdown(JsonNode value, String field) {
        if (value.isTextual() && MARKDOWN.matcher(value.asText()).find()) {
            throw SendErrors.invalidParameter(field, "must not contain markdown formatting (*bold*, _italic_, ~strike~, ```mono```)");
        }
    }
}
