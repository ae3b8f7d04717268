package io.github.camelkapso.simulator.ops.messaging;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.messaging.MarketingPreferences;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.messaging.OutboundRules;
import io.github.camelkapso.simulator.messaging.SendErrors;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Messages on both surfaces: sending (Meta proxy {@code POST /{phone_number_id}/messages} and
 * {@code /marketing_messages}), the mark-as-read form, and the stored history (Meta proxy and Platform).
 * Rules:
 * <ul>
 * <li>an unknown phone_number_id in the path is Graph's 404 (code 100, subcode 33);</li>
 * <li>free-form messages need the recipient's 24-hour window, open while the user wrote to the number in the last
 * 24 hours (across conversations): else 422 MessageError 131047; templates need none;</li>
 * <li>templates must exist in the WhatsApp Business account of the sending number with that name and language and
 * be APPROVED (else 404 132001; PAUSED 132015, DISABLED 132016), and header/body parameters must match the
 * template's {{n}} / {{name}} placeholders (132000);</li>
 * <li>field limits counted in Unicode code points: text body 4096, caption 1024, interactive body 1024, header and
 * footer text 60, reply button title 20 (at most 3 buttons, unique ids and titles), list button 20, at most 10
 * sections and 10 rows in total, row title 24, row description 72, section title 24 (required with several
 * sections), CTA display text 20, Flow CTA 30, carousel card body 160 (no top-level header/footer), product lists
 * need a header and hold at most 30 products: 131009 naming the field, 131008 when a required part is missing
 * (also for the published request schema's rules on sends);</li>
 * <li>interactive header and footer text must not contain markdown (*bold*, _italic_, ~strike~, ```mono```): 131009;</li>
 * <li>a reaction must point at a stored message of the same number (131009); reactions only get a sent status;</li>
 * <li>Flow messages name a Flow of the number's WABA by flow_id or flow_name (not both), flow_message_version "3",
 * and a published Flow unless mode is draft (131009);</li>
 * <li>a recipient in {@code to} must be a phone number (400, code 400, subcode 1001); a BSUID {@code recipient} must
 * be a known contact; the answer echoes {@code input} with {@code wa_id} or {@code user_id};</li>
 * <li>marketing sends (the marketing endpoint, or a MARKETING template) to a contact who stopped marketing messages
 * on the number are refused: 422 {@code marketing_preference_stopped}; marketing sends answer
 * {@code messages[].message_status: "accepted"};</li>
 * <li>{@code {messaging_product, status: "read", message_id}} marks an inbound message read: {@code {"success": true}};</li>
 * <li>statuses progress pending → sent → delivered → read (failed for configured failing numbers), each recorded in
 * {@code kapso.statuses} and announced as a webhook event; {@code biz_opaque_callback_data} is echoed in statuses;</li>
 * <li>Meta reads return the {@code kapso} block only with {@code fields=kapso(default)} / {@code kapso(*)} (all) or
 * {@code kapso(a,b)} (those fields); the Platform always returns it;</li>
 * <li>lists are newest first, filterable (Meta: conversation_id, direction, status, since, until; Platform also
 * phone_number_id, phone_number (partial), business_scoped_user_id, message_type, has_media) and cursor-paginated
 * (limit 1-100, default 20; Graph paging on the proxy, Platform paging on the Platform);</li>
 * <li>an unknown message is 404 {"error":{"message":"Message not found","type":"MessageError","code":404}} on the
 * proxy and 404 "Message not found" on the Platform.</li>
 * </ul>
 */
public final class MessagesModule implements SimulatorModule {

    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    private static final Set<String> STATUSES = Set.of("pending", "sent", "delivered", "read", "failed");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store messages = ctx.state().store(Stores.MESSAGES);
        Store contacts = ctx.state().store(Stores.CONTACTS);

        handlers.on("sendMessage", r -> {
            ObjectNode phone = PhoneNumbers.require(ctx, r);
            ObjectNode body = r.attributes();
            if ("read".equals(body.path("status").asText()) && body.has("message_id")) {
                Messaging.of(ctx).markRead(phone.path("id").asText(), body.path("message_id").asText());
                return SimResponse.success();
            }
            return send(ctx, contacts, phone, body, false);
        });
        handlers.on("sendMarketingMessage", r -> send(ctx, contacts, PhoneNumbers.require(ctx, r), r.attributes(), true));

        handlers.on("listMessages", r -> {
            String phoneNumberId = PhoneNumbers.require(ctx, r).path("id").asText();
            Predicate<ObjectNode> filter = historyFilters(r).and(m -> phoneNumberId.equals(kapso(m, "phone_number_id"))).build();
            KapsoFields fields = KapsoFields.parse(r.query("fields"));
            return Views.mapData(Paging.cursor(r, messages.newestFirst(filter, "timestamp"), "timestamp", true, 20, 100), fields::apply);
        });
        handlers.on("getMessage", r -> {
            String phoneNumberId = PhoneNumbers.require(ctx, r).path("id").asText();
            ObjectNode m = messages.get(r.path("message_id"))
                    .filter(found -> phoneNumberId.equals(kapso(found, "phone_number_id")))
                    .orElseThrow(() -> ApiError.graph(404, 404, "MessageError", "Message not found", null, null));
            return SimResponse.json(200, KapsoFields.parse(r.query("fields")).apply(m));
        });

        handlers.on("listProjectMessages", r -> {
            Predicate<ObjectNode> filter = historyFilters(r)
                    .equal("phone_number_id", m -> m.path("kapso").path("phone_number_id"))
                    .phoneContains("phone_number", m -> m.path("kapso").path("phone_number"))
                    .and(bsuid(r))
                    .equal("message_type", m -> m.path("type"))
                    .flag("has_media", m -> m.path("kapso").path("has_media").asBoolean())
                    .build();
            return Views.mapData(Paging.cursor(r, messages.newestFirst(filter, "timestamp"), "timestamp", false, 20, 100),
                    KapsoFields.all()::apply);
        });
        handlers.on("getProjectMessage", r -> SimResponse.data(200, messages.get(r.path("message_id"))
                .map(KapsoFields.all()::apply)
                .orElseThrow(() -> ApiError.platform(404, "Message not found"))));
    }

    /** The filters both surfaces' message lists share. */
    private static Filters historyFilters(SimRequest r) {
        return new Filters(r)
                .equal("conversation_id", m -> m.path("kapso").path("whatsapp_conversation_id"))
                .oneOf("direction", DIRECTIONS, m -> m.path("kapso").path("direction"))
                .oneOf("status", STATUSES, m -> m.path("kapso").path("status"))
                .from("since", m -> Filters.unixSeconds(m.get("timestamp")), ChronoUnit.SECONDS)
                .to("until", m -> Filters.unixSeconds(m.get("timestamp")), ChronoUnit.SECONDS);
    }

    private static Predicate<ObjectNode> bsuid(SimRequest r) {
        String bsuid = r.query("business_scoped_user_id");
        if (bsuid == null || bsuid.isEmpty()) {
            return m -> true;
        }
        return m -> bsuid.equals(m.path("from_user_id").asText(null)) || bsuid.equals(m.path("to_user_id").asText(null));
    }

    private static SimResponse send(SimContext ctx, Store contacts, ObjectNode phone, ObjectNode body, boolean marketingEndpoint) {
        String phoneNumberId = phone.path("id").asText();
        Recipient recipient = Recipient.of(body, contacts);
        Optional<ObjectNode> template = OutboundRules.check(ctx, phone, body);
        boolean marketing = marketingEndpoint
                            || template.map(t -> "MARKETING".equalsIgnoreCase(t.path("category").asText())).orElse(false);
        if (marketing && !MarketingPreferences.of(ctx).marketingAllowed(phoneNumberId, recipient.waId())) {
            throw SendErrors.marketingPreferenceStopped();
        }
        ObjectNode request = body.deepCopy();
        request.put("to", recipient.waId());
        ObjectNode sent = Messaging.of(ctx).send(phoneNumberId, request);

        ObjectNode answer = SimState.object();
        answer.put("messaging_product", "whatsapp");
        ObjectNode contact = answer.putArray("contacts").addObject();
        contact.put("input", recipient.input());
        contact.put(recipient.bsuid() ? "user_id" : "wa_id", recipient.bsuid() ? recipient.input() : recipient.waId());
        ObjectNode message = answer.putArray("messages").addObject();
        message.put("id", sent.path("id").asText());
        if (marketingEndpoint) {
            message.put("message_status", "accepted");
        }
        return SimResponse.json(200, answer);
    }

    private static String kapso(JsonNode m, String field) {
        return m.path("kapso").path(field).asText(null);
    }

    /**
     * Who a send goes to: {@code to} (a phone number) takes precedence over {@code recipient} (a BSUID, which must
     * belong to a known contact).
     */
    private record Recipient(String input, String waId, boolean bsuid) {

        static Recipient of(JsonNode body, Store contacts) {
            String to = body.path("to").asText(null);
            if (to != null) {
                if (!ContactLookup.isPhoneNumber(to)) {
                    throw SendErrors.invalidPhoneNumber(to);
                }
                return new Recipient(to, Messaging.digits(to), false);
            }
            String bsuid = body.path("recipient").asText();
            ObjectNode contact = new ContactLookup(contacts).find(bsuid)
                    .filter(c -> ContactLookup.isBsuid(bsuid) && c.hasNonNull("wa_id"))
                    .orElseThrow(() -> ApiError.graph(400, 100, "OAuthException", "(#100) Invalid parameter", null,
                            "recipient " + bsuid + " is not a WhatsApp user known to this business"));
            return new Recipient(bsuid, contact.path("wa_id").asText(), true);
        }
    }
}
