package io.github.camelkapso;

/** The ids most operations need, which have first-class options with component-wide defaults. */
public final class CommonIds {

    private CommonIds() {
    }

    public static boolean isCommon(String optionName) {
        return "phoneNumberId".equals(optionName) || "businessAccountId".equals(optionName) || "customerId".equals(optionName);
    }

    /** The configured default for a wire parameter name, or null. */
    public static String defaultFor(String wireName, KapsoConfiguration configuration) {
        switch (wireName) {
            case "phone_number_id":
                return configuration.getPhoneNumberId();
            case "business_account_id":
            case "waba_id":
                return configuration.getBusinessAccountId();
            case "customer_id":
                return configuration.getCustomerId();
            default:
                return null;
        }
    }
}
