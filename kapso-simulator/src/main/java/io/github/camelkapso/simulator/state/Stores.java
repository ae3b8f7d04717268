package io.github.camelkapso.simulator.state;

/** Names of the simulator's stores, shared by the resource modules. */
public final class Stores {

    public static final String BUSINESS_ACCOUNTS = "business_accounts";
    public static final String PHONE_NUMBERS = "phone_numbers";
    public static final String CUSTOMERS = "customers";
    public static final String SETUP_LINKS = "setup_links";
    public static final String MESSAGES = "messages";
    public static final String CONVERSATIONS = "conversations";
    public static final String CONTACTS = "contacts";
    public static final String MEDIA = "media";
    public static final String TEMPLATES = "templates";
    public static final String META_FLOWS = "meta_flows";
    public static final String WHATSAPP_FLOWS = "whatsapp_flows";
    public static final String FLOW_VERSIONS = "flow_versions";
    public static final String BROADCASTS = "broadcasts";
    public static final String BROADCAST_RECIPIENTS = "broadcast_recipients";
    public static final String WEBHOOKS = "webhooks";
    public static final String WEBHOOK_DELIVERIES = "webhook_deliveries";
    public static final String API_LOGS = "api_logs";
    public static final String CALLS = "calls";

    private Stores() {
    }
}
