package io.github.camelkapso.simulator.ops.meta;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Business usernames of phone numbers (Kapso's business-usernames guide). Rules:
 * <ul>
 * <li>A username is 3-35 characters of English letters, digits, periods and underscores, with at least one letter,
 * not starting or ending with a period, without two periods in a row, not starting with www and not ending with a
 * domain suffix (.com, .org, .net, .io, .ai, .edu, .gov, .mil, .us, .in, .html): else Graph 100.</li>
 * <li>Usernames are unique, compared without case; names with a Meta brand (whatsapp, facebook, instagram, meta)
 * are not available (Graph 147001). One held by another number of the project (the same business portfolio) moves
 * only with transfer_action=force_transfer (else Graph 147005).</li>
 * <li>The number must be registered (status CONNECTED; else Graph 133010).</li>
 * <li>setUsername answers {"status": "reserved"}: approved but not visible until usernames reach the users' region,
 * which in the simulator they never do. getUsername answers {username, status}, {} before any username and
 * {"status": "deleted"} after deleteUsername, which answers {"success": true}.</li>
 * <li>getUsernameSuggestions answers {"data": [{"username_suggestions": [...]}]}: available names derived from the
 * number's verified name.</li>
 * </ul>
 */
public final class UsernamesModule implements SimulatorModule {

    static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9._]{3,35}");
    static final Pattern LETTER = Pattern.compile(".*[A-Za-z].*");
    static final List<String> DOMAIN_SUFFIXES = List.of(".com", ".org", ".net", ".io", ".ai", ".edu", ".gov", ".mil", ".us",
            ".in", ".html");
    static final List<String> BRANDS = List.of("whatsapp", "facebook", "instagram", "meta");

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store usernames = ctx.state().store(MetaStores.USERNAMES);
        MetaNodes nodes = new MetaNodes(ctx);

        handlers.on("getUsername", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            ObjectNode body = SimState.object();
            usernames.get(phoneId).ifPresent(u -> {
                if (u.hasNonNull("username")) {
                    body.put("username", u.path("username").asText());
                }
                body.put("status", u.path("status").asText());
            });
            return SimResponse.json(200, body);
        });

        handlers.on("setUsername", r -> {
            ObjectNode phone = nodes.phone(r);
            String phoneId = phone.path("id").asText();
            ObjectNode body = r.attributes();
            String username = body.path("username").asText("");
            String problem = formatProblem(username);
            if (problem != null) {
                throw MetaErrors.invalid("username", problem);
            }
            String lower = username.toLowerCase(Locale.ROOT);
            if (BRANDS.stream().anyMatch(lower::contains)) {
                throw MetaErrors.USERNAME_UNAVAILABLE.error("The username " + username + " is not available");
            }
            if (!"CONNECTED".equals(phone.path("status").asText())) {
                throw MetaErrors.NOT_REGISTERED.error("Register phone number " + phoneId + " before claiming a username");
            }
            Optional<ObjectNode> holder = holder(usernames, lower).filter(u -> !phoneId.equals(u.path("id").asText()));
            if (holder.isPresent()) {
                if (!"force_transfer".equals(body.path("transfer_action").asText("none"))) {
                    throw MetaErrors.USERNAME_TRANSFER.error("The username " + username + " belongs to phone number "
                                                             + holder.get().path("id").asText() + " of this business portfolio");
                }
                holder.get().putNull("username");
                holder.get().put("status", "deleted");
            }
            ObjectNode record = usernames.get(phoneId).orElseGet(() -> usernames.put(SimState.object().put("id", phoneId)));
            record.put("username", username);
            record.put("status", "reserved");
            record.put("updated_at", ctx.clock().iso());
            ObjectNode answer = SimState.object();
            answer.put("status", "reserved");
            return SimResponse.json(200, answer);
        });

        handlers.on("deleteUsername", r -> {
            String phoneId = nodes.phone(r).path("id").asText();
            usernames.get(phoneId).ifPresent(u -> {
                u.putNull("username");
                u.put("status", "deleted");
                u.put("updated_at", ctx.clock().iso());
            });
            return SimResponse.success();
        });

        handlers.on("getUsernameSuggestions", r -> {
            ObjectNode phone = nodes.phone(r);
            String base = phone.path("verified_name").asText("business").toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            Set<String> candidates = new LinkedHashSet<>(List.of(base, base.replace("_", ""), base + "_official", base + "_support",
                    base.replace("_", ".")));
            ObjectNode body = SimState.object();
            var list = body.putArray("data").addObject().putArray("username_suggestions");
            for (String c : candidates) {
                if (formatProblem(c) == null && BRANDS.stream().noneMatch(c::contains)
                    && holder(usernames, c).filter(u -> !phone.path("id").asText().equals(u.path("id").asText())).isEmpty()) {
                    list.add(c);
                }
            }
            return SimResponse.json(200, body);
        });
    }

    /** What is wrong with the format of a username, or null. */
    static String formatProblem(String username) {
        if (!CHARACTERS.matcher(username).matches()) {
            return "must be 3-35 characters of English letters, digits, periods and underscores";
        }
        String lower = username.toLowerCase(Locale.ROOT);
        if (!LETTER.matcher(username).matches()) {
            return "must contain at least one letter";
        }
        if (lower.startsWith(".") || lower.endsWith(".")) {
            return "must not start or end with a period";
        }
        if (lower.contains("..")) {
            return "must not contain two periods in a row";
        }
        if (lower.startsWith("www")) {
            return "must not start with www";
        }
        for (String suffix : DOMAIN_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return "must not end with a domain suffix (" + suffix + ")";
            }
        }
        return null;
    }

    private static Optional<ObjectNode> holder(Store usernames, String lower) {
        return usernames.find(u -> u.hasNonNull("username") && u.path("username").asText().toLowerCase(Locale.ROOT).equals(lower));
    }
}
