package io.github.camelkapso.simulator.ops.messaging;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.messaging.MarketingPreferences;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * WhatsApp contacts on both surfaces, and their marketing preferences. Rules:
 * <ul>
 * <li>contacts belong to the project; they appear on first message (either direction) or through createContact;</li>
 * <li>createContact needs a wa_id that is a phone number (422) and not yet taken (422); wa_ids are stored as digits;</li>
 * <li>customer_id must name a customer of the project (422 on the Platform, 400 code 100 on the proxy);</li>
 * <li>updates change profile_name, display_name, metadata (replaced as a whole) and customer_id (and wa_id on the
 * Platform, if not taken); the proxy's update needs at least one of them (400 code 100) and answers
 * {@code {"success": true}};</li>
 * <li>Platform identifiers: contact UUID, phone number in any formatting, BSUID, or parent BSUID (most recent
 * match); unknown is 404 "WhatsApp contact not found";</li>
 * <li>eraseContact answers 204 at once (an identifier that is neither UUID, BSUID nor phone number is 422 "Invalid
 * phone number"), removes the contact and its marketing preferences, then erases its conversations and messages
 * asynchronously (Kapso's erasure job, 1 s before the time factor);</li>
 * <li>lists are newest first; the proxy's is cursor-paginated (filters wa_id, customer_id, has_customer); the
 * Platform's is cursor-paginated (filters customer_id, customer_external_id, has_customer, profile_name_contains,
 * wa_id_contains, business_scoped_user_id, created_after, created_before) or, with page/per_page and no cursor
 * parameters, legacy offset pages with meta and X-Total headers, refused past page 50 or a page*per_page window of
 * 5000 with 400 {@code legacy_offset_pagination_limit_exceeded};</li>
 * <li>marketing preferences are recorded only when the contact stops or resumes marketing messages inside WhatsApp
 * (simulated by {@code POST /_sim/marketing_preferences {wa_id, phone_number_id?, status: stopped|resumed, detail?}});
 * an empty list means subscribed everywhere; reading one that was never recorded is 404 "Marketing preference not
 * found" (subscribed), an unknown number 404 "WhatsApp configuration not found".</li>
 * </ul>
 */
public final class ContactsModule implements SimulatorModule {

    /** Kapso's erasure job delay, before the time factor. */
    static final long ERASURE_AFTER_MS = 1_000;
    static final int LEGACY_MAX_PAGE = 50;
    static final int LEGACY_MAX_WINDOW = 5_000;
    private static final Set<String> UPDATABLE = Set.of("wa_id", "profile_name", "display_name", "customer_id", "metadata");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store contacts = ctx.state().store(Stores.CONTACTS);
        Store customers = ctx.state().store(Stores.CUSTOMERS);
        ContactLookup lookup = new ContactLookup(contacts);

        handlers.on("listContacts", r -> {
            PhoneNumbers.require(ctx, r);
            Predicate<ObjectNode> filter = new Filters(r)
                    .samePhone("wa_id", c -> c.path("wa_id"))
                    .equal("customer_id", c -> c.path("customer_id"))
                    .flag("has_customer", c -> c.hasNonNull("customer_id"))
                    .build();
            return Views.mapData(Paging.cursor(r, contacts.newestFirst(filter, "created_at"), "created_at", true, 20, 100), Views::metaContact);
        });
        handlers.on("getContact", r -> {
            PhoneNumbers.require(ctx, r);
            return SimResponse.json(200, Views.metaContact(requireMeta(contacts, r)));
        });
        handlers.on("updateContact", r -> {
            PhoneNumbers.require(ctx, r);
            ObjectNode contact = requireMeta(contacts, r);
            ObjectNode changes = r.attributes().deepCopy();
            changes.remove("wa_id");
            if (UPDATABLE.stream().noneMatch(changes::has)) {
                throw ApiError.invalid(r.operation(), "body", "needs at least one of profile_name, display_name, metadata, customer_id");
            }
            update(ctx, r, contact, changes, customers, contacts);
            return SimResponse.success();
        });

        handlers.on("listProjectContacts", r -> {
            Predicate<ObjectNode> filter = new Filters(r)
                    .equal("customer_id", c -> c.path("customer_id"))
                    .and(customerExternalId(r, customers))
                    .flag("has_customer", c -> c.hasNonNull("customer_id"))
                    .contains("profile_name_contains", c -> c.path("profile_name"))
                    .phoneContains("wa_id_contains", c -> c.path("wa_id"))
                    .equal("business_scoped_user_id", c -> c.path("business_scoped_user_id"))
                    .from("created_after", c -> Filters.iso(c.get("created_at")))
                    .to("created_before", c -> Filters.iso(c.get("created_at")))
                    .build();
            List<Store.Entry> entries = contacts.newestFirst(filter, "created_at");
            SimResponse list = legacyPaging(r) ? legacyPage(r, entries) : Paging.cursor(r, entries, "created_at", false, 20, 100);
            return Views.mapData(list, Views::platformContact);
        });
        handlers.on("createContact", r -> {
            ObjectNode attrs = r.attributes();
            String waId = attrs.path("wa_id").asText();
            if (!ContactLookup.isPhoneNumber(waId)) {
                throw ApiError.unprocessable("wa_id is not a valid phone number: " + waId);
            }
            String digits = Messaging.digits(waId);
            if (contacts.find(c -> digits.equals(c.path("wa_id").asText())).isPresent()) {
                throw ApiError.unprocessable("wa_id has already been taken");
            }
            ObjectNode contact = SimState.object();
            contact.put("id", Ids.uuid());
            contact.put("wa_id", digits);
            contact.putNull("business_scoped_user_id");
            contact.putNull("parent_business_scoped_user_id");
            contact.putNull("username");
            contact.putNull("profile_name");
            contact.putNull("display_name");
            contact.putNull("customer_id");
            contact.putObject("metadata");
            contact.put("created_at", ctx.clock().iso());
            contact.put("updated_at", ctx.clock().iso());
            ObjectNode changes = attrs.deepCopy();
            changes.remove("wa_id");
            update(ctx, r, contact, changes, customers, contacts);
            return SimResponse.data(201, Views.platformContact(contacts.put(contact)));
        });
        handlers.on("getProjectContact", r -> SimResponse.data(200, Views.platformContact(requirePlatform(lookup, r))));
        handlers.on("updateProjectContact", r -> {
            ObjectNode contact = requirePlatform(lookup, r);
            return SimResponse.data(200, Views.platformContact(update(ctx, r, contact, r.attributes(), customers, contacts)));
        });
        handlers.on("eraseContact", r -> {
            String identifier = r.path("identifier");
            if (!ContactLookup.isUuid(identifier) && !ContactLookup.isBsuid(identifier) && !ContactLookup.isPhoneNumber(identifier)) {
                throw ApiError.unprocessable("Invalid phone number");
            }
            ObjectNode contact = requirePlatform(lookup, r);
            contacts.remove(contact.path("id").asText());
            MarketingPreferences.of(ctx).forget(contact);
            ctx.later(ERASURE_AFTER_MS, () -> Messaging.of(ctx).erase(contact));
            return SimResponse.noContent();
        });

        handlers.on("listMarketingPreferences", r -> {
            ObjectNode contact = requirePlatform(lookup, r);
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            MarketingPreferences.of(ctx).of(contact).forEach(p -> data.add(MarketingPreferences.view(p)));
            ObjectNode body = SimState.object();
            body.set("data", data);
            return SimResponse.json(200, body);
        });
        handlers.on("getMarketingPreference", r -> {
            ObjectNode contact = requirePlatform(lookup, r);
            String phoneNumberId = r.path("phone_number_id");
            if (!ctx.state().store(Stores.PHONE_NUMBERS).contains(phoneNumberId)) {
                throw ApiError.platform(404, "WhatsApp configuration not found");
            }
            return SimResponse.data(200, MarketingPreferences.of(ctx).of(contact, phoneNumberId).map(MarketingPreferences::view)
                    .orElseThrow(() -> ApiError.platform(404, "Marketing preference not found")));
        });

        admin.on("POST", "marketing_preferences", r -> {
            JsonNode body = r.json();
            String phoneNumberId = body.path("phone_number_id").asText(ctx.config().phoneNumberId());
            ObjectNode phone = ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId)
                    .orElseThrow(() -> ApiError.platform(404, "WhatsApp configuration not found"));
            String waId = body.path("wa_id").asText();
            if (!ContactLookup.isPhoneNumber(waId)) {
                throw ApiError.unprocessable("wa_id must be a phone number");
            }
            ObjectNode contact = Messaging.of(ctx).contact(phoneNumberId, waId, null);
            try {
                return SimResponse.data(201, MarketingPreferences.of(ctx).record(contact, phone, body.path("status").asText(),
                        body.path("detail").asText(null)));
            } catch (IllegalArgumentException e) {
                throw ApiError.unprocessable(e.getMessage());
            }
        });
    }

    /**
     * Applies contact changes: wa_id (not taken), profile_name, display_name, customer_id (an existing customer),
     * metadata (an object, replacing the old one). Other fields are ignored.
     */
    private static ObjectNode update(SimContext ctx, SimRequest r, ObjectNode contact, ObjectNode changes, Store customers, Store contacts) {
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String field = f.getKey();
            JsonNode value = f.getValue();
            if (!UPDATABLE.contains(field)) {
                continue;
            }
            if (field.equals("metadata") && !value.isObject() && !value.isNull()) {
                throw invalid(r, "metadata", "must be an object");
            }
            if (!field.equals("metadata") && !value.isTextual() && !value.isNull()) {
                throw invalid(r, field, "must be a string");
            }
            if (field.equals("customer_id") && !value.isNull() && !customers.contains(value.asText())) {
                throw invalid(r, "customer_id", "does not match a customer of this project: " + value.asText());
            }
            if (field.equals("wa_id")) {
                String digits = Messaging.digits(value.asText());
                if (!ContactLookup.isPhoneNumber(value.asText())) {
                    throw invalid(r, "wa_id", "is not a valid phone number");
                }
                if (contacts.find(c -> digits.equals(c.path("wa_id").asText()) && c != contact).isPresent()) {
                    throw invalid(r, "wa_id", "has already been taken");
                }
                contact.put("wa_id", digits);
                contacts.put(contact); // files the contact under its new wa_id
                continue;
            }
            contact.set(field, value.isNull() && field.equals("metadata") ? JsonNodeFactory.instance.objectNode() : value.deepCopy());
        }
        contact.put("updated_at", ctx.clock().iso());
        return contact;
    }

    private static ApiError invalid(SimRequest r, String field, String rule) {
        return r.operation().base() == KapsoOperation.Base.PLATFORM ? ApiError.unprocessable(field + " " + rule)
                : ApiError.invalid(r.operation(), field, rule);
    }

    private static Predicate<ObjectNode> customerExternalId(SimRequest r, Store customers) {
        String external = r.query("customer_external_id");
        if (external == null || external.isEmpty()) {
            return c -> true;
        }
        Set<String> ids = new HashSet<>();
        customers.all().stream().filter(c -> external.equals(c.path("external_customer_id").asText()))
                .forEach(c -> ids.add(c.path("id").asText()));
        return c -> ids.contains(c.path("customer_id").asText());
    }

    private static ObjectNode requireMeta(Store contacts, SimRequest r) {
        String wa = Messaging.digits(r.path("wa_id"));
        return contacts.find(c -> wa.equals(c.path("wa_id").asText()))
                .orElseThrow(() -> ApiError.notFound(r.operation(), r.path("wa_id")));
    }

    private static ObjectNode requirePlatform(ContactLookup lookup, SimRequest r) {
        return lookup.find(r.path("identifier")).orElseThrow(() -> ApiError.platform(404, "WhatsApp contact not found"));
    }

    /** Legacy offset pages: asked for with page/per_page and no cursor parameter. */
    private static boolean legacyPaging(SimRequest r) {
        boolean cursor = r.query("limit") != null || r.query("after") != null || r.query("before") != null;
        return !cursor && (r.query("page") != null || r.query("per_page") != null);
    }

    private static SimResponse legacyPage(SimRequest r, List<Store.Entry> entries) {
        int page = r.intQuery("page", 1, 1, Integer.MAX_VALUE);
        int perPage = r.intQuery("per_page", 20, 1, Integer.MAX_VALUE);
        long window = (long) page * perPage;
        if (page > LEGACY_MAX_PAGE || window > LEGACY_MAX_WINDOW) {
            ObjectNode body = SimState.object();
            body.put("message", "legacy_offset_pagination_limit_exceeded");
            body.put("detail", page > LEGACY_MAX_PAGE
                    ? "Page " + page + " exceeds the maximum supported legacy offset page (" + LEGACY_MAX_PAGE
                      + "). Use cursor pagination with limit, after, and before."
                    : "Requested window " + window + " exceeds the maximum supported legacy offset window (" + LEGACY_MAX_WINDOW
                      + "). Use cursor pagination with limit, after, and before.");
            body.put("requested_page", page);
            body.put("requested_per_page", perPage);
            body.put("requested_window", window);
            body.put("max_page", LEGACY_MAX_PAGE);
            body.put("max_window", LEGACY_MAX_WINDOW);
            body.put("cursor_example", r.url() + "?limit=100");
            throw ApiError.raw(400, body);
        }
        return Paging.page(r, entries, 100);
    }
}
