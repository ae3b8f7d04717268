package io.github.camelkapso.simulator.webhooks.inbound;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;
import io.github.camelkapso.simulator.webhooks.WebhookDispatcher;

/**
 * Customer traffic injected through the admin API (no API key), and the traffic generator. Each message goes
 * through {@link Messaging#receive}, so contacts, conversations, the 24-hour window and the
 * whatsapp.message.received webhooks follow as for a real customer. Routes (each answers 201 {"data": record}):
 * <ul>
 * <li>{@code POST /_sim/inbound/text} {from, name?, text, phone_number_id?, context_id?}</li>
 * <li>{@code POST /_sim/inbound/media} {from, type image|video|audio|document|sticker, caption?, filename?,
 * mime_type?, name?}: stores a small generated file in the media store first</li>
 * <li>{@code POST /_sim/inbound/interactive} {from, button_reply{id,title} | list_reply{id,title,description?},
 * context_id?}</li>
 * <li>{@code POST /_sim/inbound/location} {from, latitude -90..90, longitude -180..180, name?, address?} (name and
 * address of the place)</li>
 * <li>{@code POST /_sim/inbound/flow} {from, flow_token, response_json{...} (or a string holding it), name?}: an
 * interactive nfm_reply named {@code name} (default "flow") whose response_json string holds the flow_token and the
 * fields, as Meta sends it</li>
 * <li>{@code POST /_sim/inbound/call} {from}: a call record with status ringing in the calls store; the webhook
 * event catalog has no call event, so kapso webhooks hear nothing, while meta webhooks get Meta's {@code calls}
 * change (event connect, direction USER_INITIATED)</li>
 * </ul>
 * Every route takes an optional {@code phone_number_id} (default: the seeded number, which must exist: 404) and
 * {@code profile_name} (the customer's profile name; the text, media, interactive and call routes also take it as
 * {@code name}); {@code from} is the customer's number, 7-15 digits with or without
 * '+'. Missing or invalid fields answer 422 naming the field.
 */
public final class InboundModule implements SimulatorModule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        admin.on("POST", "inbound/text", r -> {
            ObjectNode content = CustomerMessages.text(requireText(r.json(), "text"));
            return receive(ctx, r, content);
        });
        admin.on("POST", "inbound/media", r -> {
            JsonNode body = r.json();
            String type = requireText(body, "type");
            if (!InboundMedia.supports(type)) {
                throw ApiError.invalid(null, "type", "must be one of image, video, audio, document, sticker");
            }
            Inbound in = inbound(ctx, body);
            ObjectNode media = InboundMedia.store(ctx, in.phoneNumberId(), type, text(body, "mime_type"), text(body, "filename"));
            return receive(ctx, r, CustomerMessages.media(type, media, text(body, "caption")));
        });
        admin.on("POST", "inbound/interactive", r -> receive(ctx, r, interactive(r.json())));
        admin.on("POST", "inbound/location", r -> {
            JsonNode body = r.json();
            double latitude = coordinate(body, "latitude", 90);
            double longitude = coordinate(body, "longitude", 180);
            return receive(ctx, r, CustomerMessages.location(latitude, longitude, text(body, "name"), text(body, "address")));
        });
        admin.on("POST", "inbound/flow", r -> {
            JsonNode body = r.json();
            String token = requireText(body, "flow_token");
            return receive(ctx, r, CustomerMessages.flowCompletion(token, responseJson(body), text(body, "name")));
        });
        admin.on("POST", "inbound/call", r -> SimResponse.data(201, call(ctx, inbound(ctx, r.json()))));
    }

    @Override
    public void start(SimContext ctx) {
        new TrafficGenerator(ctx).start();
    }

    /** Who sends, to which number. */
    private record Inbound(String from, String name, String phoneNumberId, ObjectNode phone) {
    }

    private static Inbound inbound(SimContext ctx, JsonNode body) {
        String from = requireText(body, "from");
        String digits = Messaging.digits(from);
        if (!from.matches("\\+?[0-9 ()-]+") || digits.length() < 7 || digits.length() > 15) {
            throw ApiError.invalid(null, "from", "must be a phone number of 7-15 digits (E.164, '+' optional)");
        }
        String phoneNumberId = text(body, "phone_number_id", ctx.config().phoneNumberId());
        ObjectNode phone = ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId)
                .orElseThrow(() -> ApiError.platform(404, "Phone number " + phoneNumberId + " not found"));
        return new Inbound(digits, profileName(body), phoneNumberId, phone);
    }

    /**
     * The customer's profile name: {@code profile_name}, or {@code name} where the message content has no name of
     * its own (locations and Flow replies use {@code name} for the place and the Flow).
     */
    private static String profileName(JsonNode body) {
        String explicit = text(body, "profile_name");
        if (explicit != null) {
            return explicit;
        }
        boolean nameIsContent = body.has("latitude") || body.has("flow_token");
        return nameIsContent ? null : text(body, "name");
    }

    private static SimResponse receive(SimContext ctx, SimRequest r, ObjectNode content) {
        Inbound in = inbound(ctx, r.json());
        CustomerMessages.replyingTo(content, text(r.json(), "context_id"), businessNumber(in.phone()));
        ObjectNode message = Messaging.of(ctx).receive(in.phoneNumberId(), in.from(), in.name(), content);
        return SimResponse.data(201, message);
    }

    private static ObjectNode interactive(JsonNode body) {
        JsonNode button = body.get("button_reply");
        JsonNode list = body.get("list_reply");
        if ((button == null) == (list == null)) {
            throw ApiError.invalid(null, "button_reply", "or list_reply is required (exactly one of them)");
        }
        if (button != null) {
            return CustomerMessages.buttonReply(requireText(button, "id", "button_reply.id"), requireText(button, "title", "button_reply.title"));
        }
        return CustomerMessages.listReply(requireText(list, "id", "list_reply.id"), requireText(list, "title", "list_reply.title"),
                text(list, "description"));
    }

    private static ObjectNode responseJson(JsonNode body) {
        JsonNode response = body.get("response_json");
        if (response != null && response.isTextual()) {
            try {
                response = MAPPER.readTree(response.asText());
            } catch (Exception e) {
                throw ApiError.invalid(null, "response_json", "must be a JSON object (or a string holding one)");
            }
        }
        if (response == null || !response.isObject()) {
            throw ApiError.invalid(null, "response_json", "is required and must be a JSON object");
        }
        return (ObjectNode) response;
    }

    private static ObjectNode call(SimContext ctx, Inbound in) {
        Messaging messaging = Messaging.of(ctx);
        ObjectNode contact = messaging.contact(in.phoneNumberId(), in.from(), in.name());
        Optional<ObjectNode> conversation = ctx.state().store(Stores.CONVERSATIONS).find(c ->
                in.phoneNumberId().equals(c.path("phone_number_id").asText()) && in.from().equals(c.path("phone_number").asText())
                && "active".equals(c.path("status").asText()));
        String now = ctx.clock().iso();
        ObjectNode call = SimState.object();
        call.put("id", Ids.uuid());
        call.put("call_id", Ids.wacid());
        call.put("direction", "inbound");
        call.put("status", "ringing");
        call.put("phone_number_id", in.phoneNumberId());
        call.put("user_wa_id", in.from());
        call.put("started_at", now);
        call.putNull("session_started_at");
        call.putNull("ended_at");
        call.putNull("duration_seconds");
        call.put("project_id", ctx.state().projectId());
        call.put("whatsapp_config_id", in.phone().path("internal_id").asText(null));
        call.put("config_display_name", in.phone().path("display_name").asText(null));
        call.put("config_display_phone_number", in.phone().path("display_phone_number").asText(null));
        call.put("whatsapp_contact_id", contact.path("id").asText());
        ObjectNode c = call.putObject("whatsapp_contact");
        c.put("id", contact.path("id").asText());
        c.put("wa_id", contact.path("wa_id").asText());
        c.set("profile_name", contact.get("profile_name"));
        c.set("display_name", contact.get("display_name"));
        if (conversation.isPresent()) {
            ObjectNode conv = call.putObject("whatsapp_conversation");
            conv.put("id", conversation.get().path("id").asText());
            conv.put("phone_number", conversation.get().path("phone_number").asText());
            conv.put("status", "active");
            conv.put("last_active_at", conversation.get().path("last_active_at").asText());
            call.put("whatsapp_conversation_id", conversation.get().path("id").asText());
        } else {
            call.putNull("whatsapp_conversation");
            call.putNull("whatsapp_conversation_id");
        }
        call.put("created_at", now);
        call.put("updated_at", now);
        Store calls = ctx.state().store(Stores.CALLS);
        calls.put(call);

        ObjectNode value = SimState.object();
        value.set("contacts", contacts(contact));
        ObjectNode metaCall = value.putArray("calls").addObject();
        metaCall.put("id", call.path("call_id").asText());
        metaCall.put("from", in.from());
        metaCall.put("to", businessNumber(in.phone()));
        metaCall.put("event", "connect");
        metaCall.put("timestamp", ctx.clock().unixSeconds());
        metaCall.put("direction", "USER_INITIATED");
        metaCall.putObject("session").put("sdp_type", "offer").put("sdp", "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        WebhookDispatcher.of(ctx).forwardToMeta(in.phoneNumberId(), "calls", value);
        return call;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode contacts(ObjectNode contact) {
        com.fasterxml.jackson.databind.node.ArrayNode contacts = SimState.object().arrayNode();
        ObjectNode c = contacts.addObject();
        c.putObject("profile").put("name", contact.path("profile_name").asText(""));
        c.put("wa_id", contact.path("wa_id").asText());
        return contacts;
    }

    private static String businessNumber(ObjectNode phone) {
        return Messaging.digits(phone.path("display_phone_number").asText(""));
    }

    private static double coordinate(JsonNode body, String field, double bound) {
        JsonNode v = body.get(field);
        if (v == null || !v.isNumber()) {
            throw ApiError.invalid(null, field, "is required and must be a number");
        }
        if (Math.abs(v.asDouble()) > bound) {
            throw ApiError.invalid(null, field, "must be between -" + (int) bound + " and " + (int) bound);
        }
        return v.asDouble();
    }

    private static String requireText(JsonNode body, String field) {
        return requireText(body, field, field);
    }

    private static String requireText(JsonNode body, String field, String name) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw ApiError.invalid(null, name, "is required");
        }
        return v.asText();
    }

    private static String text(JsonNode body, String field) {
        return text(body, field, null);
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? fallback : v.asText();
    }
}
