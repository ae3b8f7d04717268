package io.github.camelkapso.simulator.ops.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Message templates of a WhatsApp Business account, with Meta's review. Rules:
 * <ul>
 * <li>createTemplate needs name, language, category and components; the name is lowercase letters, digits and
 * underscores, at most 512 characters; parameter_format defaults to POSITIONAL.</li>
 * <li>Components: at most one of each of HEADER, BODY, FOOTER, BUTTONS; BODY is required (its text may be left out
 * only in AUTHENTICATION templates); header text ≤ 60, body ≤ 1024, footer ≤ 60, button text ≤ 25 characters
 * (code points; over: Graph 100 with subcode 2388040); a text header holds at most one variable; footers hold
 * none; media headers need example.header_handle; at most 10 buttons, of which QUICK_REPLY ≤ 10, URL ≤ 2,
 * PHONE_NUMBER ≤ 1, COPY_CODE ≤ 1.</li>
 * <li>Variables: POSITIONAL ones are {{1}}, {{2}}, ... in sequence; NAMED ones are lowercase names; a body or header
 * with variables needs examples (body_text with one value per variable, or body_text_named_params).</li>
 * <li>A second template with the same name and language in the account: Graph 100, subcode 2388024.</li>
 * <li>New and edited templates are PENDING and reviewed after a scaled delay of 5 s: APPROVED, or REJECTED with
 * rejected_reason INVALID_FORMAT when the body starts or ends with a variable (a Meta guideline).</li>
 * <li>listTemplates filters by name (substring), status, category, language; order ASC (oldest first) or DESC
 * (default, newest first); Graph cursor paging, limit 1-100 (default 20).</li>
 * <li>getTemplate answers a template of the account by id (404 otherwise) and honours ?fields.</li>
 * <li>updateTemplate (PUT, or POST with ?hsm_id) needs hsm_id (else 400 {"error": "hsm_id is required"}); name and
 * language cannot change; PENDING templates cannot be edited; an APPROVED template can be edited once per 24 h and
 * its category cannot change; the edited template goes back to PENDING. Answers {"success": true}.</li>
 * <li>deleteTemplate needs name or hsm_id: hsm_id deletes that template (a name given with it must match), a name
 * deletes every language of it, or just ?language; nothing matching is a 404. Answers {"success": true}.</li>
 * </ul>
 */
public final class TemplatesModule implements SimulatorModule {

    static final long REVIEW_MS = 5_000;
    static final Duration APPROVED_EDIT_INTERVAL = Duration.ofHours(24);
    static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");
    static final Set<String> CATEGORIES = Set.of("AUTHENTICATION", "MARKETING", "UTILITY");
    static final Set<String> VIEW_FIELDS = Set.of("id", "name", "language", "status", "category", "previous_category",
            "parameter_format", "components", "rejected_reason", "quality_score");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store templates = ctx.state().store(Stores.TEMPLATES);
        MetaNodes nodes = new MetaNodes(ctx);

        handlers.on("createTemplate", r -> {
            String waba = nodes.businessAccount(r).path("id").asText();
            if (r.query("hsm_id") != null) {
                return update(r, ctx, templates, waba);
            }
            ObjectNode body = r.attributes();
            String name = text(body, "name");
            TemplateRules.checkName(name);
            String language = text(body, "language");
            if (language == null) {
                throw MetaErrors.required("language");
            }
            if (!LANGUAGE.matcher(language).matches()) {
                throw MetaErrors.invalid("language", "must be a WhatsApp language code such as en or en_US (got \"" + language + "\")");
            }
            String category = text(body, "category");
            if (category == null) {
                throw MetaErrors.required("category");
            }
            String format = body.path("parameter_format").asText("POSITIONAL");
            TemplateRules.checkComponents(body.get("components"), category, format);
            boolean taken = templates.find(t -> waba.equals(t.path("business_account_id").asText())
                                                && name.equals(t.path("name").asText())
                                                && language.equals(t.path("language").asText())).isPresent();
            if (taken) {
                throw MetaErrors.INVALID_PARAMETER.error("Content in this language already exists: the template " + name
                                                         + " already has " + language + " content",
                        MetaErrors.SUBCODE_TEMPLATE_LANGUAGE_EXISTS);
            }
            String now = ctx.clock().iso();
            ObjectNode template = SimState.object();
            template.put("id", Ids.numeric());
            template.put("name", name);
            template.put("language", language);
            template.put("status", "PENDING");
            template.put("category", category);
            template.put("parameter_format", format);
            template.set("components", body.get("components").deepCopy());
            template.put("rejected_reason", "NONE");
            template.put("business_account_id", waba);
            template.put("created_at", now);
            template.put("updated_at", now);
            templates.put(template);
            scheduleReview(ctx, templates, template);
            ObjectNode answer = SimState.object();
            answer.put("id", template.path("id").asText());
            answer.put("status", "PENDING");
            answer.put("category", category);
            return SimResponse.json(200, answer);
        });

        handlers.on("listTemplates", r -> {
            String waba = nodes.businessAccount(r).path("id").asText();
            Predicate<ObjectNode> filter = t -> waba.equals(t.path("business_account_id").asText());
            filter = filter.and(containsIgnoreCase("name", r.query("name")));
            for (String exact : List.of("status", "category", "language")) {
                filter = filter.and(oneOf(exact, r.query(exact)));
            }
            String order = r.query("order");
            boolean ascending;
            if (order == null || order.isEmpty() || order.equalsIgnoreCase("DESC")) {
                ascending = false;
            } else if (order.equalsIgnoreCase("ASC")) {
                ascending = true;
            } else {
                throw MetaErrors.invalid("order", "must be ASC or DESC");
            }
            List<Store.Entry> entries = new ArrayList<>(templates.oldestFirst(filter));
            if (!ascending) {
                entries.sort(Comparator.comparingLong(Store.Entry::seq).reversed());
            }
            List<Store.Entry> views = entries.stream().map(e -> new Store.Entry(view(e.node()), e.seq())).toList();
            return Paging.cursor(r, views, "id", true, 20, 100);
        });

        handlers.on("getTemplate", r -> {
            String waba = nodes.businessAccount(r).path("id").asText();
            ObjectNode template = find(r, templates, waba, r.path("template_id"));
            ObjectNode full = view(template);
            String raw = r.query("fields");
            if (raw == null || raw.isBlank()) {
                return SimResponse.json(200, full);
            }
            Set<String> fields = GraphFields.requested(r, Set.of(), VIEW_FIELDS, "WhatsAppMessageTemplate");
            full.putObject("quality_score").put("score", "APPROVED".equals(template.path("status").asText()) ? "GREEN" : "UNKNOWN");
            ObjectNode view = GraphFields.select(full, fields);
            view.put("id", template.path("id").asText());
            return SimResponse.json(200, view);
        });

        handlers.on("updateTemplate", r -> update(r, ctx, templates, nodes.businessAccount(r).path("id").asText()));

        handlers.on("deleteTemplate", r -> {
            String waba = nodes.businessAccount(r).path("id").asText();
            String name = r.query("name");
            String hsmId = r.query("hsm_id");
            String language = r.query("language");
            List<ObjectNode> doomed = new ArrayList<>();
            if (hsmId != null && !hsmId.isEmpty()) {
                ObjectNode t = find(r, templates, waba, hsmId);
                if (name != null && !name.isEmpty() && !name.equals(t.path("name").asText())) {
                    throw MetaErrors.invalid("name", "does not match the template " + hsmId + " (" + t.path("name").asText() + ")");
                }
                doomed.add(t);
            } else if (name != null && !name.isEmpty()) {
                templates.all().stream()
                        .filter(t -> waba.equals(t.path("business_account_id").asText()) && name.equals(t.path("name").asText()))
                        .filter(t -> language == null || language.isEmpty() || language.equals(t.path("language").asText()))
                        .forEach(doomed::add);
                if (doomed.isEmpty()) {
                    throw notFound("Message template \"" + name + "\"" + (language == null ? "" : " (" + language + ")") + " not found");
                }
            } else {
                throw MetaErrors.required("name");
            }
            doomed.forEach(t -> templates.remove(t.path("id").asText()));
            return SimResponse.success();
        });
    }

    private static SimResponse update(SimRequest r, SimContext ctx, Store templates, String waba) {
        String hsmId = r.query("hsm_id");
        if (hsmId == null || hsmId.isBlank()) {
            ObjectNode error = SimState.object();
            error.put("error", "hsm_id is required");
            throw ApiError.raw(400, error);
        }
        ObjectNode template = find(r, templates, waba, hsmId);
        ObjectNode changes = r.attributes();
        for (String fixed : List.of("name", "language")) {
            if (changes.hasNonNull(fixed) && !changes.path(fixed).asText().equals(template.path(fixed).asText())) {
                throw MetaErrors.invalid(fixed, "of an existing template cannot be changed; create a new template instead");
            }
        }
        String status = template.path("status").asText();
        if (status.equals("PENDING")) {
            throw MetaErrors.invalid("hsm_id", "names a template in review (PENDING); only APPROVED, REJECTED or PAUSED templates can be edited");
        }
        Instant now = ctx.clock().now();
        String category = changes.hasNonNull("category") ? changes.path("category").asText() : template.path("category").asText();
        if (!CATEGORIES.contains(category)) {
            throw MetaErrors.invalid("category", "must be one of " + CATEGORIES);
        }
        if (status.equals("APPROVED")) {
            if (!category.equals(template.path("category").asText())) {
                throw MetaErrors.invalid("category", "of an approved template cannot be changed");
            }
            JsonNode lastEdit = template.get("last_edited_at");
            if (lastEdit != null && Instant.parse(lastEdit.asText()).plus(APPROVED_EDIT_INTERVAL).isAfter(now)) {
                throw MetaErrors.invalid("hsm_id", "names an approved template edited less than 24 hours ago; approved templates can be edited once per 24 hours");
            }
        }
        String format = changes.hasNonNull("parameter_format") ? changes.path("parameter_format").asText()
                : template.path("parameter_format").asText("POSITIONAL");
        JsonNode components = changes.has("components") ? changes.get("components") : template.get("components");
        TemplateRules.checkComponents(components, category, format);
        if (!category.equals(template.path("category").asText())) {
            template.put("previous_category", template.path("category").asText());
        }
        template.put("category", category);
        template.put("parameter_format", format);
        template.set("components", components.deepCopy());
        template.put("status", "PENDING");
        template.put("rejected_reason", "NONE");
        if (status.equals("APPROVED")) {
            template.put("last_edited_at", now.toString());
        }
        template.put("updated_at", now.toString());
        scheduleReview(ctx, templates, template);
        return SimResponse.success();
    }

    private static void scheduleReview(SimContext ctx, Store templates, ObjectNode template) {
        String id = template.path("id").asText();
        String version = template.path("updated_at").asText();
        ctx.later(REVIEW_MS, () -> templates.get(id)
                .filter(t -> "PENDING".equals(t.path("status").asText()) && version.equals(t.path("updated_at").asText()))
                .ifPresent(t -> {
                    String reason = TemplateRules.rejection(t.path("components")).orElse(null);
                    t.put("status", reason == null ? "APPROVED" : "REJECTED");
                    t.put("rejected_reason", reason == null ? "NONE" : reason);
                    t.put("updated_at", ctx.clock().iso());
                }));
    }

    private static ObjectNode find(SimRequest r, Store templates, String waba, String id) {
        return templates.get(id).filter(t -> waba.equals(t.path("business_account_id").asText()))
                .orElseThrow(() -> ApiError.notFound(r.operation(), id));
    }

    /** A template as Graph shows it: without Kapso's bookkeeping fields. */
    static ObjectNode view(ObjectNode template) {
        ObjectNode view = SimState.object();
        for (String f : List.of("id", "name", "language", "status", "category", "previous_category", "parameter_format",
                "components", "rejected_reason")) {
            JsonNode v = template.get(f);
            if (v != null && !v.isNull()) {
                view.set(f, v.deepCopy());
            }
        }
        if (!view.has("parameter_format")) {
            view.put("parameter_format", "POSITIONAL");
        }
        if (!view.has("rejected_reason")) {
            view.put("rejected_reason", "NONE");
        }
        return view;
    }

    private static ApiError notFound(String message) {
        return ApiError.graph(404, 100, "OAuthException", "(#100) " + message, null, message);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Predicate<ObjectNode> containsIgnoreCase(String field, String value) {
        if (value == null || value.isEmpty()) {
            return t -> true;
        }
        String needle = value.toLowerCase(Locale.ROOT);
        return t -> t.path(field).asText("").toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Predicate<ObjectNode> oneOf(String field, String value) {
        if (value == null || value.isEmpty()) {
            return t -> true;
        }
        Set<String> allowed = Set.of(value.split(","));
        return t -> allowed.contains(t.path(field).asText());
    }
}
