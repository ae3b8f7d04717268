package io.github.camelkapso.simulator.ops.platform;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * The project's WhatsApp phone numbers on the Platform API ({@code /whatsapp/phone_numbers}). Rules:
 * <ul>
 * <li>a number is connected to an existing customer (404 otherwise) with name, phone_number_id, business_account_id
 * and access_token; production ids are Meta's digits (422 otherwise); {@code kind: sandbox} with the placeholder id
 * {@code sandbox} gets generated Meta ids;</li>
 * <li>a phone_number_id can be connected once (409) and a project holds at most {@value #PHONE_NUMBER_LIMIT} numbers
 * (409 "phone limit"; Kapso's per-plan limit is not published, this is the simulator's);</li>
 * <li>the access token is accepted but never stored or returned; the answer carries the documented field set only;</li>
 * <li>a new number's WABA is created when the project did not know it, and Meta's webhook verification is recorded
 * at connection ({@code webhook_verified_at});</li>
 * <li>connecting emits the project event {@code whatsapp.phone_number.created}, deleting emits
 * {@code whatsapp.phone_number.deleted}, both with {@code {phone_number_id, project{id}, customer{id}}};</li>
 * <li>lists are newest first, filtered by phone_number_id, business_account_id, customer_id, messaging_enabled,
 * name_contains, created_after/before, page-paginated with the X-Total headers;</li>
 * <li>an update changes name, kind, credentials, webhook settings, inbound processing and calls; phone_number_id
 * changes only when a sandbox number switches to production, and switching requires it (422);</li>
 * <li>the health check answers the raw {@code {status, timestamp, checks}} object: phone access, connection
 * (DISCONNECTED makes the number unhealthy), messaging health, webhook subscription and verification (a failed
 * check makes it degraded); results are cached 3 minutes (scaled) unless the number's configuration changes;
 * checks are limited to 5 per second and 60 per minute per project, every answer carries the
 * {@code X-Health-RateLimit-*} counters and the excess gets 429 with Retry-After.</li>
 * </ul>
 */
public final class PhoneNumbersModule implements SimulatorModule {

    static final int PHONE_NUMBER_LIMIT = 25;

    /** The documented Platform record (WhatsappPhoneNumber). */
    static final List<String> FIELDS = List.of("id", "internal_id", "phone_number_id", "name", "business_account_id",
            "is_coexistence", "inbound_processing_enabled", "calls_enabled", "webhook_verified_at", "created_at", "updated_at",
            "customer_id", "display_name", "display_phone_number", "display_phone_number_normalized", "verified_name",
            "quality_rating", "code_verification_status", "name_status", "status", "throughput_tier",
            "whatsapp_business_manager_messaging_limit", "is_official_business_account", "is_pin_enabled");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);
        Store customers = ctx.state().store(Stores.CUSTOMERS);
        PhoneHealth health = new PhoneHealth(ctx);

        handlers.on("connectPhoneNumber", r -> {
            ObjectNode customer = Crud.require(customers, r, "customer_id", "Customer");
            ObjectNode a = r.attributes();
            String kind = a.path("kind").asText("production");
            String phoneId = metaId(a, "phone_number_id", kind);
            String wabaId = metaId(a, "business_account_id", kind);
            if (phones.contains(phoneId)) {
                throw ApiError.conflict("Phone number " + phoneId + " is already connected");
            }
            if (phones.size() >= PHONE_NUMBER_LIMIT) {
                throw ApiError.conflict("Phone number limit reached: this project can connect at most " + PHONE_NUMBER_LIMIT + " numbers");
            }
            ensureBusinessAccount(ctx, wabaId);
            ObjectNode phone = newPhone(ctx, phoneId, wabaId, customer.path("id").asText(), a, kind);
            phones.put(phone);
            emit(ctx, "whatsapp.phone_number.created", phone);
            return SimResponse.data(201, view(phone));
        });
        handlers.on("listProjectPhoneNumbers", r -> Paging.page(r,
                Views.map(phones.newestFirst(QueryFilters.of(r), "created_at"), PhoneNumbersModule::view), 100));
        handlers.on("getProjectPhoneNumber", r -> SimResponse.data(200, view(require(phones, r))));
        handlers.on("updateProjectPhoneNumber", r -> {
            ObjectNode phone = require(phones, r);
            ObjectNode updated = update(ctx, phones, phone, r.attributes());
            health.forget(r.path("phone_number_id"));
            return SimResponse.data(200, view(updated));
        });
        handlers.on("deleteProjectPhoneNumber", r -> {
            ObjectNode phone = require(phones, r);
            phones.remove(phone.path("id").asText());
            health.forget(phone.path("id").asText());
            emit(ctx, "whatsapp.phone_number.deleted", phone);
            return SimResponse.noContent();
        });
        handlers.on("checkPhoneNumberHealth", r -> health.check(r, phones));
    }

    static ObjectNode view(ObjectNode phone) {
        return Views.only(phone, FIELDS);
    }

    static ObjectNode require(Store phones, SimRequest r) {
        return Crud.require(phones, r, "phone_number_id", "Phone number");
    }

    /** A Meta id from the request: digits for production, generated for the sandbox placeholder. */
    private static String metaId(ObjectNode a, String field, String kind) {
        String value = a.path(field).asText("").trim();
        if (kind.equals("sandbox") && (value.isEmpty() || value.equals("sandbox"))) {
            return Ids.numeric();
        }
        if (!value.matches("\\d{5,20}")) {
            throw ApiError.unprocessable("whatsapp_phone_number." + field + " must be the numeric Meta ID, got '" + value + "'");
        }
        return value;
    }

    private static void ensureBusinessAccount(SimContext ctx, String wabaId) {
        Store wabas = ctx.state().store(Stores.BUSINESS_ACCOUNTS);
        if (wabas.contains(wabaId)) {
            return;
        }
        ObjectNode waba = SimState.object();
        waba.put("id", wabaId);
        waba.put("name", "WhatsApp Business Account " + wabaId);
        waba.put("currency", "USD");
        waba.put("timezone_id", "1");
        waba.put("message_template_namespace", Ids.uuid().replace("-", "_"));
        waba.put("created_at", ctx.clock().iso());
        wabas.put(waba);
    }

    private static ObjectNode newPhone(SimContext ctx, String phoneId, String wabaId, String customerId, ObjectNode a, String kind) {
        String now = ctx.clock().iso();
        String digits = String.format("%07d", Long.parseLong(phoneId.substring(Math.max(0, phoneId.length() - 7))));
        String display = "+1 555-" + digits.substring(0, 3) + "-" + digits.substring(3);
        String name = a.path("name").asText();
        ObjectNode phone = SimState.object();
        phone.put("id", phoneId);
        phone.put("phone_number_id", phoneId);
        phone.put("internal_id", Ids.uuid());
        phone.put("business_account_id", wabaId);
        phone.put("customer_id", customerId);
        phone.put("name", name);
        phone.put("kind", kind);
        phone.put("display_phone_number", display);
        phone.put("display_phone_number_normalized", "1555" + digits);
        phone.put("verified_name", name);
        phone.put("display_name", name);
        phone.put("name_status", "APPROVED");
        phone.put("quality_rating", "GREEN");
        phone.put("code_verification_status", "VERIFIED");
        phone.put("status", "CONNECTED");
        phone.put("platform_type", "CLOUD_API");
        phone.put("throughput_tier", "STANDARD");
        phone.putObject("throughput").put("level", "STANDARD");
        phone.put("messaging_enabled", true);
        phone.put("inbound_processing_enabled", a.path("inbound_processing_enabled").asBoolean(true));
        phone.put("calls_enabled", a.path("calls_enabled").asBoolean(false));
        phone.put("is_coexistence", false);
        phone.put("is_official_business_account", false);
        phone.put("is_pin_enabled", false);
        phone.put("whatsapp_business_manager_messaging_limit", 1000);
        copyWebhookSettings(a, phone);
        phone.put("webhook_verified_at", now);
        phone.put("created_at", now);
        phone.put("updated_at", now);
        return phone;
    }

    private static ObjectNode update(SimContext ctx, Store phones, ObjectNode phone, ObjectNode a) {
        String currentKind = phone.path("kind").asText("production");
        String kind = a.path("kind").asText(currentKind);
        String currentId = phone.path("id").asText();
        String newId = a.hasNonNull("phone_number_id") ? a.get("phone_number_id").asText().trim() : null;
        boolean goingLive = currentKind.equals("sandbox") && kind.equals("production");
        if (goingLive && newId == null) {
            throw ApiError.unprocessable("whatsapp_phone_number.phone_number_id is required when switching to production");
        }
        if (newId != null && !newId.equals(currentId)) {
            if (!goingLive) {
                throw ApiError.unprocessable("whatsapp_phone_number.phone_number_id can only change when a sandbox number switches to production");
            }
            if (!newId.matches("\\d{5,20}")) {
                throw ApiError.unprocessable("whatsapp_phone_number.phone_number_id must be the numeric Meta ID, got '" + newId + "'");
            }
            if (phones.contains(newId)) {
                throw ApiError.conflict("Phone number " + newId + " is already connected");
            }
            phones.remove(currentId);
            phone.put("id", newId);
            phone.put("phone_number_id", newId);
        }
        if (a.hasNonNull("business_account_id")) {
            String waba = a.get("business_account_id").asText().trim();
            if (!waba.matches("\\d{5,20}")) {
                throw ApiError.unprocessable("whatsapp_phone_number.business_account_id must be the numeric Meta ID, got '" + waba + "'");
            }
            ensureBusinessAccount(ctx, waba);
            phone.put("business_account_id", waba);
        }
        if (a.has("name")) {
            phone.put("name", a.path("name").asText());
        }
        phone.put("kind", kind);
        for (String flag : List.of("inbound_processing_enabled", "calls_enabled")) {
            if (a.has(flag)) {
                phone.put(flag, a.get(flag).asBoolean());
            }
        }
        copyWebhookSettings(a, phone);
        phone.put("updated_at", ctx.clock().iso());
        phones.put(phone);
        return phone;
    }

    private static void copyWebhookSettings(ObjectNode a, ObjectNode phone) {
        for (String f : List.of("webhook_destination_url", "webhook_verify_token")) {
            if (a.has(f)) {
                JsonNode v = a.get(f);
                phone.set(f, v.deepCopy());
            }
        }
    }

    private static void emit(SimContext ctx, String event, ObjectNode phone) {
        ObjectNode payload = SimState.object();
        payload.put("phone_number_id", phone.path("id").asText());
        payload.putObject("project").put("id", ctx.state().projectId());
        payload.putObject("customer").set("id", phone.get("customer_id") == null ? null : phone.get("customer_id").deepCopy());
        ctx.events().emit(event, null, null, payload);
    }
}
