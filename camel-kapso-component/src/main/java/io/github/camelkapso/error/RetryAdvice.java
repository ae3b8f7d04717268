package io.github.camelkapso.error;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Decides whether repeating a failed call may succeed; advice only, callers decide what to retry. */
final class RetryAdvice {

    /** Meta codes where a retry repeats the same refusal (window closed, policy block, opt-out...). */
    private static final Set<Integer> NEVER_RETRY_CODES = Set.of(131049, 131050, 131047, 368, 130497, 131031);

    private static final Set<KapsoErrorCategory> NEVER_RETRY_CATEGORIES = EnumSet.of(
            KapsoErrorCategory.AUTHORIZATION,
            KapsoErrorCategory.PERMISSION,
            KapsoErrorCategory.VALIDATION,
            KapsoErrorCategory.NOT_FOUND,
            KapsoErrorCategory.PAYMENT,
            KapsoErrorCategory.MARKETING_OPT_OUT,
            KapsoErrorCategory.REENGAGEMENT_WINDOW,
            KapsoErrorCategory.INTEGRITY);

    private static final Set<KapsoErrorCategory> TRANSIENT_CATEGORIES = EnumSet.of(
            KapsoErrorCategory.THROTTLING,
            KapsoErrorCategory.UPSTREAM,
            KapsoErrorCategory.SERVER);

    private static final int CONFLICT = 409;

    private RetryAdvice() {
    }

    static boolean isRetryable(KapsoErrorCategory category, Integer code, int httpStatus, Duration retryAfter,
            String... messages) {
        if (code != null && NEVER_RETRY_CODES.contains(code)) {
            return false;
        }
        if (NEVER_RETRY_CATEGORIES.contains(category)) {
            return false;
        }
        return retryAfter != null
                || TRANSIENT_CATEGORIES.contains(category)
                || httpStatus == CONFLICT && mentionsInFlight(messages);
    }

    /** Kapso answers 409 "Another message is already in-flight for this conversation" while a send is pending. */
    private static boolean mentionsInFlight(String... messages) {
        for (String message : messages) {
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                if (lower.contains("in-flight") || lower.contains("in flight")) {
                    return true;
                }
            }
        }
        return false;
    }
}
