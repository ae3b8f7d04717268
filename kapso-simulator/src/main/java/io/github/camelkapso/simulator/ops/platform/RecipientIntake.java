package io.github.camelkapso.simulator.ops.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Adds recipients to a draft broadcast the way Kapso does: numbers stored as digits without {@code +}, duplicates
 * (already in the broadcast or repeated in the request) skipped and counted, invalid entries reported per recipient
 * ({@code "Recipient 3: invalid phone number format"}) while the valid ones are added.
 */
final class RecipientIntake {

    /** What {@code POST .../recipients} answers under {@code data}. */
    record Result(int added, int duplicates, List<String> errors) {
        ObjectNode toJson() {
            ObjectNode n = SimState.object();
            n.put("added", added);
            n.put("duplicates", duplicates);
            com.fasterxml.jackson.databind.node.ArrayNode list = n.putArray("errors");
            errors.forEach(list::add);
            return n;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]+");

    private final SimContext ctx;
    private final BroadcastBook book;
    private final Store contacts;

    RecipientIntake(SimContext ctx, BroadcastBook book) {
        this.ctx = ctx;
        this.book = book;
        this.contacts = ctx.state().store(Stores.CONTACTS);
    }

    Result add(ObjectNode broadcast, JsonNode recipients) {
        String broadcastId = broadcast.path("id").asText();
        Set<String> known = new HashSet<>();
        book.recipientsOf(broadcastId).forEach(e -> known.add(e.node().path("phone_number").asText()));
        int required = bodyPlaceholders(book.template(broadcast.path("whatsapp_template_id").asText(null)).orElse(null));
        int added = 0;
        int duplicates = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode r = recipients.get(i);
            String label = "Recipient " + (i + 1) + ": ";
            String number;
            String contactId = r.path("whatsapp_contact_id").asText(null);
            if (r.hasNonNull("phone_number") && !r.path("phone_number").asText().isBlank()) {
                number = normalise(r.path("phone_number").asText());
                if (number == null) {
                    errors.add(label + "invalid phone number format");
                    continue;
                }
            } else if (contactId != null) {
                number = contacts.get(contactId).map(c -> c.path("wa_id").asText(null)).orElse(null);
                if (number == null) {
                    errors.add(label + "whatsapp contact " + contactId + " not found");
                    continue;
                }
            } else {
                errors.add(label + "phone_number or whatsapp_contact_id is required");
                continue;
            }
            int given = bodyParameters(r.path("components"));
            if (given != required) {
                errors.add(label + "template parameters invalid - requires " + required + " parameters but got " + given);
                continue;
            }
            if (!known.add(number)) {
                duplicates++;
                continue;
            }
            ObjectNode attrs = SimState.object();
            attrs.put("broadcast_id", broadcastId);
            attrs.put("phone_number", number);
            if (contactId != null) {
                attrs.put("whatsapp_contact_id", contactId);
            }
            attrs.put("status", "pending");
            for (String f : List.of("sent_at", "failed_at", "error_message", "delivered_at", "read_at", "responded_at")) {
                attrs.putNull(f);
            }
            attrs.set("template_components", r.has("components") ? r.get("components").deepCopy() : SimState.object().arrayNode());
            attrs.putNull("error_details");
            book.recipients.put(Crud.newRecord(ctx, Ids.uuid(), attrs));
            added++;
        }
        return new Result(added, duplicates, errors);
    }

    /** Digits without {@code +}, or null when the text is not a phone number (8-15 digits, E.164). */
    static String normalise(String number) {
        String trimmed = number.trim();
        if (!PHONE.matcher(trimmed).matches()) {
            return null;
        }
        String digits = trimmed.replaceAll("[^0-9]", "");
        return digits.length() < 8 || digits.length() > 15 || digits.startsWith("0") ? null : digits;
    }

    /** Distinct {{n}} or {{name}} placeholders in the template's BODY text. */
    static int bodyPlaceholders(ObjectNode template) {
        if (template == null) {
            return 0;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode c : template.path("components")) {
            if ("BODY".equals(c.path("type").asText().toUpperCase(Locale.ROOT))) {
                Matcher m = PLACEHOLDER.matcher(c.path("text").asText(""));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names.size();
    }

    private static int bodyParameters(JsonNode components) {
        int n = 0;
        for (JsonNode c : components) {
            if ("body".equals(c.path("type").asText().toLowerCase(Locale.ROOT))) {
                n += c.path("parameters").size();
            }
        }
        return n;
    }
}
