package io.github.camelkapso.simulator.ops.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Phone numbers as Meta shows them, their two-step verification PIN, code verification, registration and number
 * settings. Rules:
 * <ul>
 * <li>getPhoneNumber answers id, verified_name, display_phone_number, quality_rating, code_verification_status,
 * platform_type and throughput by default; ?fields picks among those and is_official_business_account,
 * name_status, new_name_status, account_mode, certificate, messaging_limit_tier, status, is_pin_enabled,
 * last_onboarded_time (others: Graph 100 nonexisting field). listPhoneNumbers lists the account's numbers with
 * the same fields and Graph cursor paging.</li>
 * <li>updatePhoneNumberSettings sets the two-step verification PIN: pin is required and exactly 6 digits.</li>
 * <li>requestVerificationCode needs code_method SMS or VOICE and a language; verifyCode needs a code requested
 * before (else Graph 136025). The simulator's code is the last 6 digits of the phone number id; a right code
 * makes code_verification_status VERIFIED, a wrong one is Graph 136025.</li>
 * <li>registerPhoneNumber needs messaging_product=whatsapp and a 6-digit pin; the number must be VERIFIED (Graph
 * 133006); a PIN set before must match (Graph 133005), else the pin becomes the two-step PIN;
 * data_localization_region is a 2-letter country code. Registered numbers are CONNECTED; deregisterPhoneNumber
 * makes them DISCONNECTED. At most 10 register/deregister calls per number in 72 hours (Graph 133016).</li>
 * <li>getNumberSettings answers calling (status, call_icon_visibility, callback_permission_status, call_hours, sip)
 * and fallback_language; SIP passwords only with include_sip_credentials=true. updateNumberSettings merges
 * calling settings, checking ENABLED/DISABLED values, DEFAULT/DISABLE_ALL icon visibility, call hours (timezone and
 * weekly hours required when ENABLED, days MONDAY-SUNDAY, HHMM times with open before close, YYYY-MM-DD holidays)
 * and SIP servers (hostname required, port 1-65535).</li>
 * </ul>
 */
public final class MetaPhoneNumbersModule implements SimulatorModule {

    static final List<String> DEFAULT_FIELDS = List.of("id", "verified_name", "display_phone_number", "quality_rating",
            "code_verification_status", "platform_type", "throughput");
    static final Set<String> KNOWN_FIELDS = Set.of("id", "verified_name", "display_phone_number", "quality_rating",
            "code_verification_status", "is_official_business_account", "name_status", "new_name_status", "platform_type",
            "throughput", "account_mode", "certificate", "messaging_limit_tier", "status", "is_pin_enabled", "last_onboarded_time");
    static final Pattern PIN = Pattern.compile("\\d{6}");
    static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    static final Set<String> CODE_METHODS = Set.of("SMS", "VOICE");
    static final int REGISTRATION_CALLS_MAX = 10;
    static final Duration REGISTRATION_WINDOW = Duration.ofHours(72);

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store phones = ctx.state().store(Stores.PHONE_NUMBERS);
        Store registrations = ctx.state().store(MetaStores.REGISTRATIONS);
        NumberSettings settings = NumberSettings.of(ctx);
        MetaNodes nodes = new MetaNodes(ctx);

        handlers.on("getPhoneNumber", r -> {
            ObjectNode phone = nodes.phone(r);
            Set<String> fields = GraphFields.requested(r, Set.copyOf(DEFAULT_FIELDS), KNOWN_FIELDS, "WhatsAppBusinessPhoneNumber");
            return SimResponse.json(200, view(phone, registration(registrations, phone), fields));
        });
        handlers.on("listPhoneNumbers", r -> {
            String waba = nodes.businessAccount(r).path("id").asText();
            Set<String> fields = GraphFields.requested(r, Set.copyOf(DEFAULT_FIELDS), KNOWN_FIELDS, "WhatsAppBusinessPhoneNumber");
            List<Store.Entry> entries = phones.oldestFirst(p -> waba.equals(p.path("business_account_id").asText())).stream()
                    .map(e -> new Store.Entry(view(e.node(), registration(registrations, e.node()), fields), e.seq())).toList();
            return Paging.cursor(r, entries, "id", true, 20, 100);
        });

        handlers.on("updatePhoneNumberSettings", r -> {
            ObjectNode phone = nodes.phone(r);
            String pin = requiredText(r.attributes(), "pin");
            requirePin(pin);
            registration(registrations, phone).put("pin", pin);
            phone.put("is_pin_enabled", true);
            phone.put("updated_at", ctx.clock().iso());
            return SimResponse.success();
        });

        handlers.on("requestVerificationCode", r -> {
            ObjectNode phone = nodes.phone(r);
            ObjectNode body = r.attributes();
            String method = requiredText(body, "code_method");
            if (!CODE_METHODS.contains(method)) {
                throw MetaErrors.invalid("code_method", "must be SMS or VOICE");
            }
            String language = requiredText(body, "language");
            if (!NumberSettings.LANGUAGE.matcher(language).matches()) {
                throw MetaErrors.invalid("language", "must be a language code such as en_US");
            }
            ObjectNode reg = registration(registrations, phone);
            reg.put("code_requested", true);
            reg.put("code_method", method);
            reg.put("code_requested_at", ctx.clock().iso());
            return SimResponse.success();
        });

        handlers.on("verifyCode", r -> {
            ObjectNode phone = nodes.phone(r);
            String code = requiredText(r.attributes(), "code");
            ObjectNode reg = registration(registrations, phone);
            if (!reg.path("code_requested").asBoolean(false)) {
                throw MetaErrors.VERIFY_CODE.error("No verification code was requested for this number; call request_code first");
            }
            if (!code.equals(verificationCode(phone.path("id").asText()))) {
                throw MetaErrors.VERIFY_CODE.error("Code couldn't be verified: the code is incorrect");
            }
            reg.put("code_requested", false);
            phone.put("code_verification_status", "VERIFIED");
            phone.put("updated_at", ctx.clock().iso());
            return SimResponse.success();
        });

        handlers.on("registerPhoneNumber", r -> {
            ObjectNode phone = nodes.phone(r);
            ObjectNode body = r.attributes();
            String product = requiredText(body, "messaging_product");
            if (!product.equals("whatsapp")) {
                throw MetaErrors.invalid("messaging_product", "must be whatsapp");
            }
            String pin = requiredText(body, "pin");
            requirePin(pin);
            String region = body.path("data_localization_region").asText(null);
            if (region != null && !REGION.matcher(region).matches()) {
                throw MetaErrors.invalid("data_localization_region", "must be a 2-letter country code such as DE");
            }
            if (!"VERIFIED".equals(phone.path("code_verification_status").asText())) {
                throw MetaErrors.NEEDS_VERIFICATION.error("Verify the phone number (request_code, verify_code) before registering it");
            }
            ObjectNode reg = registration(registrations, phone);
            countRegistrationCall(ctx, reg);
            if (reg.hasNonNull("pin") && !pin.equals(reg.path("pin").asText())) {
                throw MetaErrors.PIN_MISMATCH.error("The pin does not match the number's two-step verification PIN");
            }
            reg.put("pin", pin);
            reg.put("registered", true);
            if (region != null) {
                reg.put("data_localization_region", region);
            }
            phone.put("is_pin_enabled", true);
            phone.put("status", "CONNECTED");
            phone.put("updated_at", ctx.clock().iso());
            return SimResponse.success();
        });

        handlers.on("deregisterPhoneNumber", r -> {
            ObjectNode phone = nodes.phone(r);
            ObjectNode reg = registration(registrations, phone);
            countRegistrationCall(ctx, reg);
            reg.put("registered", false);
            phone.put("status", "DISCONNECTED");
            phone.put("updated_at", ctx.clock().iso());
            return SimResponse.success();
        });

        handlers.on("getNumberSettings", r -> {
            ObjectNode phone = nodes.phone(r);
            boolean credentials = Boolean.parseBoolean(r.query("include_sip_credentials"));
            return SimResponse.json(200, settings.view(phone.path("id").asText(), credentials));
        });
        handlers.on("updateNumberSettings", r -> {
            ObjectNode phone = nodes.phone(r);
            settings.update(phone.path("id").asText(), r.attributes());
            return SimResponse.success();
        });
    }

    /** The verification code the simulator "sends": the last 6 digits of the phone number id. */
    public static String verificationCode(String phoneNumberId) {
        String digits = phoneNumberId.replaceAll("[^0-9]", "");
        return digits.length() <= 6 ? String.format("%6s", digits).replace(' ', '0') : digits.substring(digits.length() - 6);
    }

    private static void countRegistrationCall(SimContext ctx, ObjectNode reg) {
        Instant now = ctx.clock().now();
        ArrayNode calls = reg.withArray("registration_calls");
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (Instant.parse(calls.get(i).asText()).plus(REGISTRATION_WINDOW).isBefore(now)) {
                calls.remove(i);
            }
        }
        if (calls.size() >= REGISTRATION_CALLS_MAX) {
            throw MetaErrors.REGISTER_RATE_LIMIT.error("At most " + REGISTRATION_CALLS_MAX
                                                       + " register/deregister requests per number in 72 hours");
        }
        calls.add(now.toString());
    }

    private static void requirePin(String pin) {
        if (!PIN.matcher(pin).matches()) {
            throw MetaErrors.invalid("pin", "must be exactly 6 digits");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw MetaErrors.required(field);
        }
        return v.asText();
    }

    /** The Meta-side registration state of a number: PIN, pending code, registration calls. */
    private static ObjectNode registration(Store registrations, ObjectNode phone) {
        String id = phone.path("id").asText();
        return registrations.get(id).orElseGet(() -> {
            ObjectNode reg = SimState.object();
            reg.put("id", id);
            reg.putNull("pin");
            reg.put("registered", "CONNECTED".equals(phone.path("status").asText()));
            reg.put("certificate", java.util.Base64.getEncoder().encodeToString(Ids.token(96).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return registrations.put(reg);
        });
    }

    /** A phone number as Graph shows it, with the requested fields. */
    static ObjectNode view(ObjectNode phone, ObjectNode reg, Set<String> fields) {
        ObjectNode full = SimState.object();
        full.put("id", phone.path("id").asText());
        for (String f : List.of("verified_name", "display_phone_number", "quality_rating", "code_verification_status",
                "is_official_business_account", "name_status", "platform_type", "throughput", "status")) {
            if (phone.has(f)) {
                full.set(f, phone.get(f).deepCopy());
            }
        }
        full.put("new_name_status", phone.path("new_name_status").asText("NONE"));
        full.put("account_mode", phone.path("account_mode").asText("LIVE"));
        full.put("certificate", reg.path("certificate").asText());
        full.put("messaging_limit_tier", tier(phone.path("whatsapp_business_manager_messaging_limit")));
        full.put("is_pin_enabled", reg.hasNonNull("pin") || phone.path("is_pin_enabled").asBoolean(false));
        full.put("last_onboarded_time", phone.path("created_at").asText());
        ObjectNode view = GraphFields.select(full, fields);
        view.put("id", phone.path("id").asText());
        return view;
    }

    static String tier(JsonNode limit) {
        if (!limit.canConvertToLong()) {
            return "TIER_250";
        }
        long n = limit.asLong();
        return n <= 50 ? "TIER_50" : n <= 250 ? "TIER_250" : n <= 1_000 ? "TIER_1K" : n <= 10_000 ? "TIER_10K"
                : n <= 100_000 ? "TIER_100K" : "TIER_UNLIMITED";
    }
}
