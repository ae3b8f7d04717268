package io.github.camelkapso.simulator.messaging;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * A contact's marketing preference on each number: recorded only when the contact stops or resumes marketing
 * messages inside WhatsApp, so no record means subscribed. While a preference is {@code stopped}, marketing template
 * sends to the contact on that number are refused with {@code marketing_preference_stopped}.
 */
public final class MarketingPreferences {

    public static final String STORE = "marketing_preferences";

    private final SimContext ctx;
    private final Store preferences;

    private MarketingPreferences(SimContext ctx) {
        this.ctx = ctx;
        this.preferences = ctx.state().store(STORE);
    }

    public static MarketingPreferences of(SimContext ctx) {
        return ctx.shared(MarketingPreferences.class, () -> new MarketingPreferences(ctx));
    }

    /** The contact's preferences, one per number they changed it on, most recent change first. */
    public List<ObjectNode> of(ObjectNode contact) {
        String contactId = contact.path("id").asText();
        return preferences.newestFirst(p -> contactId.equals(p.path("whatsapp_contact_id").asText()), "last_event_at")
                .stream().map(Store.Entry::node).toList();
    }

    public Optional<ObjectNode> of(ObjectNode contact, String phoneNumberId) {
        String contactId = contact.path("id").asText();
        return preferences.find(p -> contactId.equals(p.path("whatsapp_contact_id").asText())
                                     && phoneNumberId.equals(p.path("phone_number_id").asText()));
    }

    /** Whether marketing templates may be sent to {@code waId} from the number (true when nothing was recorded). */
    public boolean marketingAllowed(String phoneNumberId, String waId) {
        String wa = Messaging.digits(waId);
        return ctx.state().store(Stores.CONTACTS).find(c -> wa.equals(c.path("wa_id").asText()))
                .flatMap(c -> of(c, phoneNumberId))
                .map(p -> p.path("marketing_allowed").asBoolean(true))
                .orElse(true);
    }

    /**
     * Records the contact stopping or resuming marketing messages on a number, as Meta's user_preferences webhook
     * reports it.
     *
     * @param status stopped or resumed
     */
    public ObjectNode record(ObjectNode contact, ObjectNode phoneNumber, String status, String detail) {
        if (!"stopped".equals(status) && !"resumed".equals(status)) {
            throw new IllegalArgumentException("status must be stopped or resumed, got " + status);
        }
        String phoneNumberId = phoneNumber.path("id").asText();
        String now = ctx.clock().iso();
        ObjectNode p = of(contact, phoneNumberId).orElseGet(() -> {
            // Stored under the internal id: the public id is the phone number id, shared by every contact's preference.
            String internalId = Ids.uuid();
            ObjectNode n = SimState.object();
            n.put("id", internalId);
            n.put("phone_number_id", phoneNumberId);
            n.put("internal_id", internalId);
            n.put("whatsapp_contact_id", contact.path("id").asText());
            n.put("whatsapp_config_id", phoneNumber.path("internal_id").asText(null));
            n.put("whatsapp_config_internal_id", phoneNumber.path("internal_id").asText(null));
            n.put("config_display_name", phoneNumber.path("display_name").asText(null));
            n.put("created_at", now);
            return preferences.put(n);
        });
        p.put("status", status);
        p.put("detail", detail);
        p.put("source", "meta_webhook");
        p.put("marketing_allowed", "resumed".equals(status));
        p.put("last_event_at", now);
        p.put("updated_at", now);
        return view(p);
    }

    /** The documented record: {@code id} is the Meta phone number id the preference applies to. */
    public static ObjectNode view(ObjectNode stored) {
        ObjectNode v = stored.deepCopy();
        v.put("id", stored.path("phone_number_id").asText());
        return v;
    }

    /** Forgets the contact's preferences (contact erasure). */
    public void forget(ObjectNode contact) {
        String contactId = contact.path("id").asText();
        preferences.all().stream().filter(p -> contactId.equals(p.path("whatsapp_contact_id").asText()))
                .map(p -> p.path("id").asText()).toList().forEach(preferences::remove);
    }
}
