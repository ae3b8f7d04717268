package io.github.camelkapso.simulator.ops.meta;

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * The Meta settings of a phone number ({@code /{phone_number_id}/settings}): calling (status, call icon visibility,
 * call hours, callback permission, SIP) and the fallback language. Numbers start with calling DISABLED. Other
 * modules ask {@link #callingEnabled} and {@link #callbackPermissionEnabled}.
 */
public final class NumberSettings {

    static final Set<String> ON_OFF = Set.of("ENABLED", "DISABLED");
    static final Set<String> ICON_VISIBILITY = Set.of("DEFAULT", "DISABLE_ALL");
    static final Set<String> DAYS = Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3])[0-5][0-9]");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");

    private final Store store;

    private NumberSettings(SimContext ctx) {
        this.store = ctx.state().store(MetaStores.NUMBER_SETTINGS);
    }

    public static NumberSettings of(SimContext ctx) {
        return ctx.shared(NumberSettings.class, () -> new NumberSettings(ctx));
    }

    public boolean callingEnabled(String phoneNumberId) {
        return "ENABLED".equals(settings(phoneNumberId).path("calling").path("status").asText());
    }

    public boolean callbackPermissionEnabled(String phoneNumberId) {
        return "ENABLED".equals(settings(phoneNumberId).path("calling").path("callback_permission_status").asText());
    }

    /** The stored settings of a number (with SIP passwords), created with Meta's defaults on first use. */
    ObjectNode settings(String phoneNumberId) {
        return store.get(phoneNumberId).orElseGet(() -> {
            ObjectNode s = SimState.object();
            s.put("id", phoneNumberId);
            ObjectNode calling = s.putObject("calling");
            calling.put("status", "DISABLED");
            calling.put("call_icon_visibility", "DEFAULT");
            calling.put("callback_permission_status", "DISABLED");
            calling.putObject("call_hours").put("status", "DISABLED");
            ObjectNode sip = calling.putObject("sip");
            sip.put("status", "DISABLED");
            sip.putArray("servers");
            return store.put(s);
        });
    }

    /** The settings as Meta answers them: SIP passwords only when asked for. */
    ObjectNode view(String phoneNumberId, boolean withSipCredentials) {
        ObjectNode view = settings(phoneNumberId).deepCopy();
        view.remove("id");
        if (!withSipCredentials) {
            for (JsonNode server : view.path("calling").path("sip").path("servers")) {
                ((ObjectNode) server).remove("sip_user_password");
            }
        }
        return view;
    }

    /** Checks and merges an update ({@code fallback_language}, {@code calling{...}}, other settings kept verbatim). */
    void update(String phoneNumberId, ObjectNode body) {
        ObjectNode current = settings(phoneNumberId);
        if (body.has("fallback_language")) {
            String language = body.path("fallback_language").asText("");
            if (!LANGUAGE.matcher(language).matches()) {
                throw MetaErrors.invalid("fallback_language", "must be a language code such as en_US");
            }
        }
        JsonNode calling = body.get("calling");
        if (calling != null) {
            if (!calling.isObject()) {
                throw MetaErrors.invalid("calling", "must be an object");
            }
            checkCalling(calling);
        }
        body.fields().forEachRemaining(e -> {
            if (e.getKey().equals("calling")) {
                merge((ObjectNode) current.path("calling"), (ObjectNode) e.getValue());
            } else if (!e.getKey().equals("id")) {
                current.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        for (JsonNode server : current.path("calling").path("sip").path("servers")) {
            if (!server.hasNonNull("sip_user_password")) {
                ((ObjectNode) server).put("sip_user_password", Ids.token(18));
            }
        }
    }

    private static void checkCalling(JsonNode calling) {
        oneOf(calling, "status", ON_OFF, "calling.status");
        oneOf(calling, "call_icon_visibility", ICON_VISIBILITY, "calling.call_icon_visibility");
        oneOf(calling, "callback_permission_status", ON_OFF, "calling.callback_permission_status");
        JsonNode hours = calling.get("call_hours");
        if (hours != null) {
            oneOf(hours, "status", ON_OFF, "calling.call_hours.status");
            if ("ENABLED".equals(hours.path("status").asText())) {
                if (!hours.hasNonNull("timezone_id")) {
                    throw MetaErrors.invalid("calling.call_hours.timezone_id", "is required when call hours are ENABLED");
                }
                if (!hours.path("weekly_operating_hours").isArray() || hours.path("weekly_operating_hours").isEmpty()) {
                    throw MetaErrors.invalid("calling.call_hours.weekly_operating_hours", "must list the opening hours when call hours are ENABLED");
                }
            }
            for (JsonNode day : hours.path("weekly_operating_hours")) {
                oneOf(day, "day_of_week", DAYS, "calling.call_hours.weekly_operating_hours[].day_of_week");
                span(day, "open_time", "close_time", "calling.call_hours.weekly_operating_hours[]");
            }
            for (JsonNode holiday : hours.path("holiday_schedule")) {
                if (!DATE.matcher(holiday.path("date").asText("")).matches()) {
                    throw MetaErrors.invalid("calling.call_hours.holiday_schedule[].date", "must be YYYY-MM-DD");
                }
                span(holiday, "start_time", "end_time", "calling.call_hours.holiday_schedule[]");
            }
        }
        JsonNode sip = calling.get("sip");
        if (sip != null) {
            oneOf(sip, "status", ON_OFF, "calling.sip.status");
            JsonNode servers = sip.path("servers");
            if ("ENABLED".equals(sip.path("status").asText()) && (!servers.isArray() || servers.isEmpty())) {
                throw MetaErrors.invalid("calling.sip.servers", "must list a SIP server when SIP is ENABLED");
            }
            for (JsonNode server : servers) {
                if (server.path("hostname").asText("").isBlank()) {
                    throw MetaErrors.invalid("calling.sip.servers[].hostname", "is required");
                }
                if (server.has("port") && (!server.path("port").canConvertToInt() || server.path("port").asInt() < 1
                                           || server.path("port").asInt() > 65535)) {
                    throw MetaErrors.invalid("calling.sip.servers[].port", "must be a port number 1-65535");
                }
            }
        }
    }

    private static void oneOf(JsonNode node, String field, Set<String> allowed, String name) {
        JsonNode v = node.get(field);
        if (v != null && !allowed.contains(v.asText())) {
            throw MetaErrors.invalid(name, "must be one of " + allowed);
        }
    }

    private static void span(JsonNode node, String open, String close, String name) {
        String from = node.path(open).asText("");
        String to = node.path(close).asText("");
        if (!TIME.matcher(from).matches() || !TIME.matcher(to).matches()) {
            throw MetaErrors.invalid(name + "." + open, "and " + close + " must be times as HHMM (24 h)");
        }
        if (from.compareTo(to) >= 0) {
            throw MetaErrors.invalid(name + "." + open, "must be before " + close);
        }
    }

    /** Deep merge: objects merge key by key, arrays and values replace. */
    private static void merge(ObjectNode target, ObjectNode changes) {
        changes.fields().forEachRemaining(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, (ObjectNode) e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }
}
