package io.github.camelkapso;

import java.util.Locale;

/** Maps Kapso's snake_case wire names to Camel option names and header names. */
public final class ParameterNames {

    private ParameterNames() {
    }

    /** {@code phone_number_id} → {@code phoneNumberId}. */
    public static String optionName(String wireName) {
        StringBuilder out = new StringBuilder(wireName.length());
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code phone_number_id} → {@code CamelKapsoPhoneNumberId}. */
    public static String headerName(String wireName) {
        String option = optionName(wireName);
        return KapsoConstants.HEADER_PREFIX + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
    }
}
