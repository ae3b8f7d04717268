package io.github.camelkapso.simulator.ops.platform;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Display-name change requests of a phone number ({@code /whatsapp/phone_numbers/{id}/display_name_requests}).
 * Rules:
 * <ul>
 * <li>the number must be one of the project's (404); new_display_name is required, not blank, at most
 * {@value #MAX_LENGTH} characters (422);</li>
 * <li>a request starts {@code pending_review} with previous_display_name set to the number's current name; Meta's
 * review (24-48 h in reality) takes {@value #REVIEW_MS} ms of Kapso time here, scaled by the time factor;</li>
 * <li>review: a name containing "WhatsApp" breaks Meta's display-name guidelines and is {@code declined} with
 * Meta's error (code 100, subcode 2388135); any other name is {@code approved} and applied at once (reviewed_at,
 * applied_at), and becomes the number's display_name and verified_name;</li>
 * <li>lists are newest first, page-paginated; their meta carries the documented {@code current_page} (the spec's
 * example) alongside {@code page} (its schema).</li>
 * </ul>
 */
public final class DisplayNamesModule implements SimulatorModule {

    static final int MAX_LENGTH = 256;
    static final long REVIEW_MS = 60_000;

    private static final List<String> FIELDS = List.of("id", "phone_number_id", "requested_display_name",
            "previous_display_name", "status", "submitted_at", "reviewed_at", "applied_at", "meta_error_code",
            "meta_error_subcode", "meta_error_type", "meta_error_message");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);
        Store requests = ctx.state().store(PlatformStores.DISPLAY_NAME_REQUESTS);

        handlers.on("submitDisplayNameRequest", r -> {
            ObjectNode phone = PhoneNumbersModule.require(phones, r);
            String name = r.attributes().path("new_display_name").asText("").trim();
            if (name.isEmpty()) {
                throw ApiError.invalid(r.operation(), "display_name_request.new_display_name", "must not be blank");
            }
            int length = name.codePointCount(0, name.length());
            if (length > MAX_LENGTH) {
                throw ApiError.invalid(r.operation(), "display_name_request.new_display_name",
                        "must be at most " + MAX_LENGTH + " characters (got " + length + ")");
            }
            ObjectNode request = SimState.object();
            request.put("id", Ids.uuid());
            request.put("phone_number_id", phone.path("id").asText());
            request.put("requested_display_name", name);
            JsonNode previous = phone.hasNonNull("display_name") ? phone.get("display_name") : phone.get("display_phone_number");
            request.set("previous_display_name", previous == null ? null : previous.deepCopy());
            request.put("status", "pending_review");
            request.put("submitted_at", ctx.clock().iso());
            for (String f : List.of("reviewed_at", "applied_at", "meta_error_code", "meta_error_subcode", "meta_error_type",
                    "meta_error_message")) {
                request.putNull(f);
            }
            requests.put(request);
            String id = request.path("id").asText();
            ctx.later(REVIEW_MS, () -> requests.get(id).ifPresent(q -> review(ctx, phones, q)));
            return SimResponse.data(201, Views.only(request, FIELDS));
        });
        handlers.on("listDisplayNameRequests", r -> {
            String phoneId = PhoneNumbersModule.require(phones, r).path("id").asText();
            SimResponse page = Paging.page(r, Views.map(requests.newestFirst(q -> phoneId.equals(q.path("phone_number_id").asText()),
                    "submitted_at"), q -> Views.only(q, FIELDS)), 100);
            ObjectNode meta = (ObjectNode) page.json().get("meta");
            ObjectNode quirk = SimState.object();
            quirk.set("current_page", meta.get("page"));
            quirk.setAll(meta);
            ((ObjectNode) page.json()).set("meta", quirk);
            return page;
        });
        handlers.on("getDisplayNameRequest", r -> {
            String phoneId = PhoneNumbersModule.require(phones, r).path("id").asText();
            String id = r.path("request_id");
            ObjectNode request = requests.get(id).filter(q -> phoneId.equals(q.path("phone_number_id").asText()))
                    .orElseThrow(() -> ApiError.notFound(r.operation(), "Display name request " + id));
            return SimResponse.data(200, Views.only(request, FIELDS));
        });
    }

    /** Meta's verdict on a pending request. */
    private static void review(SimContext ctx, Store phones, ObjectNode request) {
        if (!"pending_review".equals(request.path("status").asText())) {
            return;
        }
        String now = ctx.clock().iso();
        request.put("reviewed_at", now);
        String name = request.path("requested_display_name").asText();
        if (name.toLowerCase(Locale.ROOT).contains("whatsapp")) {
            request.put("status", "declined");
            request.put("meta_error_code", 100);
            request.put("meta_error_subcode", 2388135);
            request.put("meta_error_type", "OAuthException");
            request.put("meta_error_message", "Display name does not comply with WhatsApp's display name guidelines");
            return;
        }
        request.put("status", "approved");
        request.put("applied_at", now);
        phones.get(request.path("phone_number_id").asText()).ifPresent(phone -> {
            phone.put("display_name", name);
            phone.put("verified_name", name);
            phone.put("name_status", "APPROVED");
            phone.put("updated_at", now);
        });
    }
}
