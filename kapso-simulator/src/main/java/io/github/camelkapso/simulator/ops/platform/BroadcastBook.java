package io.github.camelkapso.simulator.ops.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/** The broadcasts and their recipients as stored, and how they read on the wire (counters, template, send answer). */
final class BroadcastBook {

    static final Set<String> STATUSES = Set.of("draft", "scheduled", "copying", "sending", "stopped", "completed", "failed");

    private static final List<String> BROADCAST_FIELDS = List.of("id", "name", "status", "scheduled_at", "started_at",
            "stopped_at", "completed_at", "created_at", "updated_at");
    private static final List<String> RECIPIENT_FIELDS = List.of("id", "phone_number", "status", "sent_at", "failed_at",
            "error_message", "delivered_at", "read_at", "responded_at", "created_at", "updated_at", "template_components",
            "error_details");
    private static final List<String> SEND_FIELDS = List.of("id", "status", "scheduled_at", "started_at", "stopped_at",
            "completed_at");

    final Store broadcasts;
    final Store recipients;
    private final Store templates;

    BroadcastBook(SimContext ctx) {
        this.broadcasts = ctx.state().store(Stores.BROADCASTS);
        this.recipients = ctx.state().store(Stores.BROADCAST_RECIPIENTS);
        this.templates = ctx.state().store(Stores.TEMPLATES);
    }

    /** The recipients of a broadcast in the order they were added. */
    List<Store.Entry> recipientsOf(String broadcastId) {
        return recipients.oldestFirst(r -> broadcastId.equals(r.path("broadcast_id").asText()));
    }

    /** A template by Meta id (preferred) or by a legacy internal UUID. */
    Optional<ObjectNode> template(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return templates.get(id).or(() -> templates.find(t -> id.equals(t.path("internal_id").asText(null))
                                                             || id.equals(t.path("uuid").asText(null))));
    }

    ObjectNode view(ObjectNode broadcast) {
        ObjectNode view = Views.only(broadcast, BROADCAST_FIELDS);
        int total = 0;
        int sent = 0;
        int failed = 0;
        int pending = 0;
        int suppressed = 0;
        int delivered = 0;
        int read = 0;
        int responded = 0;
        for (Store.Entry e : recipientsOf(broadcast.path("id").asText())) {
            ObjectNode r = e.node();
            total++;
            switch (r.path("status").asText()) {
                case "sent":
                    sent++;
                    break;
                case "failed":
                    failed++;
                    break;
                case "suppressed":
                    suppressed++;
                    break;
                default:
                    pending++;
            }
            delivered += r.hasNonNull("delivered_at") ? 1 : 0;
            read += r.hasNonNull("read_at") ? 1 : 0;
            responded += r.hasNonNull("responded_at") ? 1 : 0;
        }
        view.put("sent_count", sent);
        view.put("failed_count", failed);
        view.put("delivered_count", delivered);
        view.put("read_count", read);
        view.put("pending_count", pending);
        view.put("suppressed_count", suppressed);
        view.put("responded_count", responded);
        view.put("response_rate", sent == 0 ? 0.0 : Math.round(responded * 1000.0 / sent) / 10.0);
        view.put("total_recipients", total);
        view.set("phone_number_id", broadcast.get("phone_number_id").deepCopy());
        view.set("whatsapp_template", template(broadcast.path("whatsapp_template_id").asText(null))
                .<JsonNode>map(BroadcastBook::templateView).orElse(null));
        return view;
    }

    static ObjectNode recipientView(ObjectNode recipient) {
        return Views.only(recipient, RECIPIENT_FIELDS);
    }

    /** The answer of send, schedule and cancel. */
    static ObjectNode sendAnswer(ObjectNode broadcast) {
        return Views.only(broadcast, SEND_FIELDS);
    }

    private static ObjectNode templateView(ObjectNode t) {
        ObjectNode v = SimState.object();
        v.put("id", t.path("id").asText());
        v.put("meta_template_id", t.path("id").asText());
        v.put("name", t.path("name").asText());
        v.put("language_code", t.path("language").asText(t.path("language_code").asText("")));
        v.put("category", t.path("category").asText(""));
        v.put("status", t.path("status").asText("").toLowerCase(Locale.ROOT));
        JsonNode quality = t.path("quality_score");
        String score = quality.isTextual() ? quality.asText() : quality.path("score").asText(null);
        if (score == null) {
            v.putNull("quality_score");
        } else {
            v.put("quality_score", score);
        }
        v.set("components", t.has("components") ? t.get("components").deepCopy() : SimState.object().arrayNode());
        return v;
    }
}
