package io.github.camelkapso.simulator.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.Stores;

/**
 * What webhook bodies say about a phone number: its Meta id, the number as digits, its WABA and Kapso's internal
 * config id (v1 payloads call it whatsapp_config_id).
 */
record PhoneIdentity(String phoneNumberId, String displayPhoneNumber, String businessAccountId, String configId, String name) {

    static PhoneIdentity of(SimContext ctx, String phoneNumberId) {
        ObjectNode phone = ctx.state().store(Stores.PHONE_NUMBERS).get(phoneNumberId).orElse(null);
        if (phone == null) {
            return new PhoneIdentity(phoneNumberId, Messaging.digits(ctx.config().displayPhoneNumber()), ctx.config().businessAccountId(),
                    null, null);
        }
        String display = phone.path("display_phone_number_normalized").asText(null);
        if (display == null) {
            display = Messaging.digits(phone.path("display_phone_number").asText(""));
        }
        return new PhoneIdentity(phoneNumberId, display, phone.path("business_account_id").asText(ctx.config().businessAccountId()),
                phone.path("internal_id").asText(null), phone.path("name").asText(null));
    }
}
