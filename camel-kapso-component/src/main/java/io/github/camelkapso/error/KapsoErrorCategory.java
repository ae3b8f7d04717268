package io.github.camelkapso.error;

/** What kind of failure a Kapso or Meta error is, so routes can react without reading codes. */
public enum KapsoErrorCategory {
    /** Missing, invalid or expired credentials (HTTP 401, Meta 0/190). */
    AUTHORIZATION,
    /** Credentials valid but not allowed (HTTP 403, Meta 3/10/200-299). */
    PERMISSION,
    /** The request itself is wrong (HTTP 400/422, Meta 100, 131008, 131009...). */
    VALIDATION,
    /** The addressed resource does not exist (HTTP 404, Meta 33). */
    NOT_FOUND,
    /** State conflict (HTTP 409): duplicate, stale lock_version, message already in-flight. */
    CONFLICT,
    /** Plan, credits or billing problem (HTTP 402, insufficient_credits, Meta 131042). */
    PAYMENT,
    /** Rate limited (HTTP 429, Meta 4, 80007, 130429, 131048, 131056). */
    THROTTLING,
    /** Meta 131047: outside the 24-hour customer service window; send a template instead. */
    REENGAGEMENT_WINDOW,
    /** Template missing, paused, disabled or not matching its parameters (Meta 132xxx). */
    TEMPLATE,
    /** Media could not be downloaded, uploaded or is of an unsupported type. */
    MEDIA,
    /** Business phone number registration, verification or display-name problem. */
    PHONE_REGISTRATION,
    /** Account restricted or blocked for policy reasons (Meta 368, 130497, 131031). */
    INTEGRITY,
    /** The recipient cannot be reached (Meta 131026, 131049, 130472...). */
    REACHABILITY,
    /** The contact stopped marketing messages (Meta 131050, Kapso marketing_preference_stopped). */
    MARKETING_OPT_OUT,
    /** The request or media was too large (HTTP 413). */
    PAYLOAD_TOO_LARGE,
    /** Meta or a proxy in front of Kapso failed or was unavailable (HTTP 502/503/504). */
    UPSTREAM,
    /** Kapso or Meta failed internally (other HTTP 5xx, Meta 1/2/131000...). */
    SERVER,
    /** Nothing more specific is known. */
    UNKNOWN
}
