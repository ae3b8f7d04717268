package io.github.camelkapso.simulator.ops.messaging;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.messaging.Messaging;
import io.github.camelkapso.simulator.state.Store;

/**
 * Finds a contact by the identifiers Kapso accepts: the contact UUID, a phone number (any formatting), a
 * business-scoped user id ({@code US.1349...}) or a parent BSUID ({@code US.ENT...}, the most recent match),
 * BSUIDs matched verbatim.
 */
final class ContactLookup {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** E.164: up to 15 digits, optionally written with +, spaces, dashes, dots or parentheses. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{5,20}");

    private final Store contacts;

    ContactLookup(Store contacts) {
        this.contacts = contacts;
    }

    Optional<ObjectNode> find(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        if (UUID.matcher(identifier).matches()) {
            return contacts.get(identifier);
        }
        if (isBsuid(identifier)) {
            Optional<ObjectNode> direct = contacts.find(c -> identifier.equals(c.path("business_scoped_user_id").asText()));
            if (direct.isPresent()) {
                return direct;
            }
            return contacts.newestFirst(c -> identifier.equals(c.path("parent_business_scoped_user_id").asText()), "created_at")
                    .stream().map(Store.Entry::node).findFirst();
        }
        String digits = Messaging.digits(identifier);
        return contacts.find(c -> digits.equals(c.path("wa_id").asText()));
    }

    static boolean isBsuid(String identifier) {
        return identifier.matches("[A-Z]{2}\\.[A-Za-z0-9.]+");
    }

    static boolean isPhoneNumber(String value) {
        if (value == null || !PHONE.matcher(value.trim()).matches()) {
            return false;
        }
        int digits = Messaging.digits(value).length();
        return digits >= 7 && digits <= 15;
    }

    static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }
}
