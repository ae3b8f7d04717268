package io.github.camelkapso.simulator.ops.meta;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The WhatsApp business profile of each phone number. Rules:
 * <ul>
 * <li>getBusinessProfile answers {@code {"data": [profile]}}; ?fields picks among about, address, description, email,
 * messaging_product, profile_picture_url, websites, vertical and id (others: Graph 100 nonexisting field).</li>
 * <li>updateBusinessProfile needs messaging_product=whatsapp; about is 1-139 characters, address at most 256,
 * description at most 512, email at most 128 and an email address, websites at most 2 http(s) URLs of at most 256
 * characters, vertical one of Meta's industries (all counted in code points; checked against the published
 * schema, Graph 100 naming the field); profile_picture_handle must be a handle from a resumable upload (Platform
 * upload with delivery meta_resumable_asset) and sets profile_picture_url; sandbox numbers are refused (403).
 * Fields not sent keep their value; answers {"success": true}.</li>
 * </ul>
 */
public final class BusinessProfileModule implements SimulatorModule {

    static final List<String> FIELDS = List.of("about", "address", "description", "email", "messaging_product",
            "profile_picture_url", "websites", "vertical");
    static final Set<String> KNOWN_FIELDS = Set.of("about", "address", "description", "email", "messaging_product",
            "profile_picture_url", "websites", "vertical", "id");
    static final List<String> UPDATABLE = List.of("about", "address", "description", "email", "websites", "vertical");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store profiles = ctx.state().store(MetaStores.BUSINESS_PROFILES);
        MetaNodes nodes = new MetaNodes(ctx);

        handlers.on("getBusinessProfile", r -> {
            ObjectNode phone = nodes.phone(r);
            ObjectNode profile = profile(profiles, phone);
            Set<String> fields = GraphFields.requested(r, Set.copyOf(FIELDS), KNOWN_FIELDS, "WhatsAppBusinessProfile");
            ObjectNode view = SimState.object();
            for (String f : FIELDS) {
                if (fields.contains(f) && profile.hasNonNull(f)) {
                    view.set(f, profile.get(f).deepCopy());
                }
            }
            if (fields.contains("id")) {
                view.put("id", profile.path("profile_id").asText());
            }
            ObjectNode body = SimState.object();
            body.putArray("data").add(view);
            return SimResponse.json(200, body);
        });

        handlers.on("updateBusinessProfile", r -> {
            ObjectNode phone = nodes.phone(r);
            if (phone.path("is_sandbox").asBoolean(false) || "SANDBOX".equals(phone.path("account_mode").asText())) {
                throw ApiError.graph(403, 403, "OAuthException", "Sandbox WhatsApp configurations cannot update business profile", null, null);
            }
            ObjectNode body = r.attributes();
            ObjectNode profile = profile(profiles, phone);
            String handle = body.path("profile_picture_handle").asText(null);
            ObjectNode picture = null;
            if (handle != null) {
                picture = MediaLibrary.of(ctx).byHandle(handle)
                        .orElseThrow(() -> MetaErrors.invalid("profile_picture_handle", "is not a handle from a resumable upload"));
            }
            for (String f : UPDATABLE) {
                JsonNode v = body.get(f);
                if (v != null && !v.isNull()) {
                    profile.set(f, v.deepCopy());
                }
            }
            if (picture != null) {
                Instant until = Instant.parse(picture.path("expires_at").asText());
                profile.put("profile_picture_url", MediaLibrary.of(ctx).downloadUrl(MetaNodes.base(r), picture.path("id").asText(), until));
            }
            profile.put("updated_at", ctx.clock().iso());
            return SimResponse.success();
        });
    }

    /** The profile of a number, created with Meta's starting values on first use. */
    private static ObjectNode profile(Store profiles, ObjectNode phone) {
        String id = phone.path("id").asText();
        return profiles.get(id).orElseGet(() -> {
            ObjectNode p = SimState.object();
            p.put("id", id);
            p.put("profile_id", io.github.camelkapso.simulator.state.Ids.numeric());
            p.put("messaging_product", "whatsapp");
            p.put("about", "Hey there! I am using WhatsApp.");
            p.put("address", "");
            p.put("description", "");
            p.put("email", "");
            p.putArray("websites");
            p.put("vertical", "OTHER");
            return profiles.put(p);
        });
    }
}
