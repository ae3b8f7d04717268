package io.github.camelkapso.error;

import static io.github.camelkapso.error.KapsoErrorCategory.AUTHORIZATION;
import static io.github.camelkapso.error.KapsoErrorCategory.CONFLICT;
import static io.github.camelkapso.error.KapsoErrorCategory.INTEGRITY;
import static io.github.camelkapso.error.KapsoErrorCategory.MARKETING_OPT_OUT;
import static io.github.camelkapso.error.KapsoErrorCategory.MEDIA;
import static io.github.camelkapso.error.KapsoErrorCategory.NOT_FOUND;
import static io.github.camelkapso.error.KapsoErrorCategory.PAYLOAD_TOO_LARGE;
import static io.github.camelkapso.error.KapsoErrorCategory.PAYMENT;
import static io.github.camelkapso.error.KapsoErrorCategory.PERMISSION;
import static io.github.camelkapso.error.KapsoErrorCategory.PHONE_REGISTRATION;
import static io.github.camelkapso.error.KapsoErrorCategory.REACHABILITY;
import static io.github.camelkapso.error.KapsoErrorCategory.REENGAGEMENT_WINDOW;
import static io.github.camelkapso.error.KapsoErrorCategory.SERVER;
import static io.github.camelkapso.error.KapsoErrorCategory.TEMPLATE;
import static io.github.camelkapso.error.KapsoErrorCategory.THROTTLING;
import static io.github.camelkapso.error.KapsoErrorCategory.UNKNOWN;
import static io.github.camelkapso.error.KapsoErrorCategory.UPSTREAM;
import static io.github.camelkapso.error.KapsoErrorCategory.VALIDATION;
import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;

/** Maps Meta error codes, Kapso string codes and HTTP statuses to a {@link KapsoErrorCategory}. */
public final class KapsoErrorClassifier {

    private static final Map<Integer, KapsoErrorCategory> META_CODES = Map.ofEntries(
            entry(0, AUTHORIZATION),
            entry(190, AUTHORIZATION),
            entry(3, PERMISSION),
            entry(10, PERMISSION),
            entry(131005, PERMISSION),
            entry(2, SERVER),
            entry(131000, SERVER),
            entry(131016, SERVER),
            entry(131057, SERVER),
            entry(133004, SERVER),
            entry(4, THROTTLING),
            entry(80007, THROTTLING),
            entry(130429, THROTTLING),
            entry(131048, THROTTLING),
            entry(131056, THROTTLING),
            entry(33, NOT_FOUND),
            entry(100, VALIDATION),
            entry(131008, VALIDATION),
            entry(131009, VALIDATION),
            entry(131021, VALIDATION),
            entry(132068, VALIDATION),
            entry(132069, VALIDATION),
            entry(135000, VALIDATION),
            entry(131051, MEDIA),
            entry(131052, MEDIA),
            entry(131053, MEDIA),
            entry(368, INTEGRITY),
            entry(130497, INTEGRITY),
            entry(131031, INTEGRITY),
            entry(131047, REENGAGEMENT_WINDOW),
            entry(131042, PAYMENT),
            entry(131037, PHONE_REGISTRATION),
            entry(131045, PHONE_REGISTRATION),
            entry(133000, PHONE_REGISTRATION),
            entry(133005, PHONE_REGISTRATION),
            entry(133006, PHONE_REGISTRATION),
            entry(133008, PHONE_REGISTRATION),
            entry(133009, PHONE_REGISTRATION),
            entry(133010, PHONE_REGISTRATION),
            entry(133015, PHONE_REGISTRATION),
            entry(133016, PHONE_REGISTRATION),
            entry(132000, TEMPLATE),
            entry(132001, TEMPLATE),
            entry(132005, TEMPLATE),
            entry(132007, TEMPLATE),
            entry(132012, TEMPLATE),
            entry(132015, TEMPLATE),
            entry(132016, TEMPLATE),
            // The Kapso WhatsApp spec shows "receiver incapable" as 1026; Meta's own code is 131026.
            entry(1026, REACHABILITY),
            entry(131026, REACHABILITY),
            entry(131030, REACHABILITY),
            entry(131049, REACHABILITY),
            entry(130472, REACHABILITY),
            entry(131050, MARKETING_OPT_OUT));

    private static final Map<String, KapsoErrorCategory> PLATFORM_CODES = Map.of(
            "insufficient_credits", PAYMENT,
            "marketing_preference_stopped", MARKETING_OPT_OUT,
            "messaging_account_mismatch", VALIDATION,
            "legacy_offset_pagination_limit_exceeded", VALIDATION,
            "findings_not_enabled", PERMISSION,
            "finding_not_found", NOT_FOUND);

    private static final Map<Integer, KapsoErrorCategory> STATUSES = Map.ofEntries(
            entry(400, VALIDATION),
            entry(401, AUTHORIZATION),
            entry(402, PAYMENT),
            entry(403, PERMISSION),
            entry(404, NOT_FOUND),
            entry(409, CONFLICT),
            entry(413, PAYLOAD_TOO_LARGE),
            entry(422, VALIDATION),
            entry(429, THROTTLING),
            entry(502, UPSTREAM),
            entry(503, UPSTREAM),
            entry(504, UPSTREAM));

    /** Meta reserves the whole 200-299 range for API permission errors. */
    private static final int PERMISSION_RANGE_START = 200;
    private static final int PERMISSION_RANGE_END = 299;

    private KapsoErrorClassifier() {
    }

    /** Meta code first, then Kapso string code, then HTTP status. */
    public static KapsoErrorCategory categorize(Integer metaCode, String platformCode, int httpStatus) {
        return forMetaCode(metaCode)
                .or(() -> forPlatformCode(platformCode))
                .orElseGet(() -> forStatus(httpStatus));
    }

    /** The category of a Meta Graph error code, also usable for codes in webhook status errors. */
    public static Optional<KapsoErrorCategory> forMetaCode(Integer code) {
        if (code == null) {
            return Optional.empty();
        }
        KapsoErrorCategory category = META_CODES.get(code);
        if (category == null && code >= PERMISSION_RANGE_START && code <= PERMISSION_RANGE_END) {
            category = PERMISSION;
        }
        return Optional.ofNullable(category);
    }

    public static Optional<KapsoErrorCategory> forPlatformCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(PLATFORM_CODES.get(code));
    }

    public static KapsoErrorCategory forStatus(int httpStatus) {
        KapsoErrorCategory category = STATUSES.get(httpStatus);
        if (category != null) {
            return category;
        }
        return httpStatus >= 500 && httpStatus <= 599 ? SERVER : UNKNOWN;
    }
}
