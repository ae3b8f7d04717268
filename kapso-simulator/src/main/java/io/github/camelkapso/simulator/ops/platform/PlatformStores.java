package io.github.camelkapso.simulator.ops.platform;

/** Names of the stores only the Platform administration modules use (the shared ones are in {@code Stores}). */
final class PlatformStores {

    static final String DISPLAY_NAME_REQUESTS = "display_name_requests";
    static final String PROJECT_USERS = "project_users";
    static final String INBOX_EMBEDS = "inbox_embeds";
    static final String EVENT_DEFINITIONS = "event_definitions";
    static final String PROJECT_EVENTS = "project_events";
    static final String FINDINGS = "findings";
    static final String NOTIFICATION_DESTINATIONS = "notification_destinations";
    static final String NOTIFICATION_ROUTES = "notification_routes";
    static final String WABA_FUNDING = "waba_funding";
    static final String FUNDING_OPERATIONS = "funding_operations";
    static final String FUNDING_PORTFOLIOS = "funding_portfolios";

    private PlatformStores() {
    }
}
