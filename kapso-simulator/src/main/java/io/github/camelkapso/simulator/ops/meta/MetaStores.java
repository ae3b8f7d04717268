package io.github.camelkapso.simulator.ops.meta;

/**
 * Stores of this package beside the shared ones: Meta-side settings of a phone number, one record per number with
 * the phone number id as record id (kept apart from the Platform phone number record, which must not show them).
 */
final class MetaStores {

    static final String BUSINESS_PROFILES = "business_profiles";
    static final String NUMBER_SETTINGS = "number_settings";
    static final String REGISTRATIONS = "phone_registrations";
    static final String USERNAMES = "usernames";
    static final String BLOCKED_USERS = "blocked_users";
    static final String CALL_PERMISSIONS = "call_permissions";

    private MetaStores() {
    }
}
