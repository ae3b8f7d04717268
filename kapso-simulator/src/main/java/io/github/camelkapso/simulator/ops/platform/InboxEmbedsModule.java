package io.github.camelkapso.simulator.ops.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
 * Embeddable inbox access links ({@code /inbox_embeds}). Rules:
 * <ul>
 * <li>scope_type {@code project} takes no scope_id; {@code customer} and {@code phone_number} need one (422) naming an
 * existing customer UUID or project phone_number_id (404); scope_name is the customer's name or the number;</li>
 * <li>assigned_user_id must be a project member's user_id (422) and brings assigned_user_name; allowed_origins must
 * be origins ({@code https://host[:port]}, 422); expires_at must be in the future (422); default_mode defaults to
 * system, language to en;</li>
 * <li>the raw {@code token} and {@code embed_url} are answered once, by create; list, get and update never return
 * them (only a digest is kept);</li>
 * <li>update changes name, assignment, origins, mode, language and expiry; the scope cannot change (422) and a
 * revoked embed cannot be updated (422);</li>
 * <li>revoke (DELETE, 204) sets status revoked; revoked embeds stay readable and listable;</li>
 * <li>lists are newest first, filtered by status, scope_type, scope_id, assigned_user_id (unknown enum values 422),
 * page-paginated with the X-Total headers.</li>
 * </ul>
 */
public final class InboxEmbedsModule implements SimulatorModule {

    private static final List<String> FIELDS = List.of("id", "name", "scope_type", "scope_id", "scope_name",
            "assigned_user_id", "assigned_user_name", "status", "allowed_origins", "default_mode", "language", "expires_at",
            "last_used_at", "created_at", "updated_at");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?");
    private static final Set<String> STATUSES = Set.of("active", "revoked");
    private static final Set<String> SCOPES = Set.of("project", "customer", "phone_number");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store embeds = ctx.state().store(PlatformStores.INBOX_EMBEDS);
        Store customers = ctx.state().store(Stores.CUSTOMERS);
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);

        handlers.on("createInboxEmbed", r -> {
            ObjectNode a = r.attributes();
            String scopeType = a.path("scope_type").asText();
            String scopeId = a.hasNonNull("scope_id") && !a.path("scope_id").asText().isBlank() ? a.path("scope_id").asText() : null;
            ObjectNode embed = SimState.object();
            embed.put("name", a.hasNonNull("name") ? a.path("name").asText() : null);
            embed.put("scope_type", scopeType);
            embed.put("scope_id", scopeId);
            if (scopeType.equals("project")) {
                if (scopeId != null) {
                    throw ApiError.invalid(r.operation(), "inbox_embed.scope_id", "must be blank for project scope");
                }
                embed.putNull("scope_name");
            } else if (scopeId == null) {
                throw ApiError.invalid(r.operation(), "inbox_embed.scope_id", "is required for " + scopeType + " scope");
            } else if (scopeType.equals("customer")) {
                ObjectNode customer = customers.get(scopeId).orElseThrow(() -> ApiError.notFound(r.operation(), "Customer " + scopeId));
                embed.set("scope_name", customer.get("name").deepCopy());
            } else {
                ObjectNode phone = phones.get(scopeId).orElseThrow(() -> ApiError.notFound(r.operation(), "Phone number " + scopeId));
                embed.set("scope_name", phone.get("display_phone_number").deepCopy());
            }
            embed.putNull("assigned_user_id");
            embed.putNull("assigned_user_name");
            embed.put("status", "active");
            embed.putArray("allowed_origins");
            embed.put("default_mode", "system");
            embed.put("language", "en");
            embed.putNull("expires_at");
            embed.putNull("last_used_at");
            applySettings(ctx, r, embed, a);
            String token = "inbox_" + Ids.token(24);
            embed.put("token_digest", digest(token));
            ObjectNode record = embeds.put(Crud.newRecord(ctx, Ids.uuid(), embed));
            ObjectNode created = Views.only(record, FIELDS);
            created.put("token", token);
            created.put("embed_url", r.url().replaceFirst("/platform/v1/.*$", "") + "/embed/" + token);
            return SimResponse.data(201, created);
        });
        handlers.on("listInboxEmbeds", r -> {
            checkEnum(r, "status", STATUSES);
            checkEnum(r, "scope_type", SCOPES);
            return Paging.page(r, Views.map(embeds.newestFirst(QueryFilters.of(r), "created_at"), e -> Views.only(e, FIELDS)), 100);
        });
        handlers.on("getInboxEmbed", r -> SimResponse.data(200, Views.only(require(embeds, r), FIELDS)));
        handlers.on("updateInboxEmbed", r -> {
            ObjectNode embed = require(embeds, r);
            ObjectNode a = r.attributes();
            for (String scopeField : List.of("scope_type", "scope_id")) {
                if (a.has(scopeField) && !a.get(scopeField).equals(embed.get(scopeField))) {
                    throw ApiError.invalid(r.operation(), "inbox_embed." + scopeField,
                            "cannot be changed; create a new embed for a different scope");
                }
            }
            if ("revoked".equals(embed.path("status").asText())) {
                throw ApiError.unprocessable("A revoked inbox embed cannot be updated");
            }
            if (a.has("name")) {
                embed.set("name", a.get("name").deepCopy());
            }
            applySettings(ctx, r, embed, a);
            embed.put("updated_at", ctx.clock().iso());
            return SimResponse.data(200, Views.only(embed, FIELDS));
        });
        handlers.on("revokeInboxEmbed", r -> {
            ObjectNode embed = require(embeds, r);
            if (!"revoked".equals(embed.path("status").asText())) {
                embed.put("status", "revoked");
                embed.put("updated_at", ctx.clock().iso());
            }
            return SimResponse.noContent();
        });
    }

    private static ObjectNode require(Store embeds, SimRequest r) {
        return Crud.require(embeds, r, "inbox_embed_id", "Inbox embed");
    }

    /** The settings create and update share: assignment, origins, mode, language, expiry. */
    private static void applySettings(SimContext ctx, SimRequest r, ObjectNode embed, ObjectNode a) {
        if (a.has("assigned_user_id")) {
            JsonNode userId = a.get("assigned_user_id");
            if (userId.isNull()) {
                embed.putNull("assigned_user_id");
                embed.putNull("assigned_user_name");
            } else {
                ObjectNode user = ProjectUsersModule.byUserId(ctx, userId.asText()).orElseThrow(() -> ApiError.invalid(r.operation(),
                        "inbox_embed.assigned_user_id", "is not a member of this project"));
                embed.put("assigned_user_id", userId.asText());
                embed.set("assigned_user_name", user.get("name").deepCopy());
            }
        }
        if (a.has("allowed_origins")) {
            for (JsonNode origin : a.get("allowed_origins")) {
                if (!ORIGIN.matcher(origin.asText()).matches()) {
                    throw ApiError.invalid(r.operation(), "inbox_embed.allowed_origins",
                            "must hold origins like https://app.example.com, got " + origin.asText());
                }
            }
            embed.set("allowed_origins", a.get("allowed_origins").deepCopy());
        }
        for (String f : List.of("default_mode", "language")) {
            if (a.hasNonNull(f)) {
                embed.put(f, a.get(f).asText());
            }
        }
        if (a.has("expires_at")) {
            if (a.get("expires_at").isNull()) {
                embed.putNull("expires_at");
            } else {
                Instant at = Times.parse(a.get("expires_at").asText());
                if (at == null || !at.isAfter(ctx.clock().now())) {
                    throw ApiError.invalid(r.operation(), "inbox_embed.expires_at", "must be an ISO-8601 time in the future");
                }
                embed.put("expires_at", at.toString());
            }
        }
    }

    private static void checkEnum(SimRequest r, String param, Set<String> allowed) {
        String v = r.query(param);
        if (v != null && !v.isEmpty() && !allowed.contains(v)) {
            throw ApiError.invalid(r.operation(), param, "must be one of " + allowed);
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
