package io.github.camelkapso.error;

import java.time.Duration;
import java.util.List;

/** Builds the one-line {@link KapsoApiException#getMessage()} text from the error fields. */
final class ErrorMessageFormatter {

    private static final int MAX_LISTED_ERRORS = 5;

    private ErrorMessageFormatter() {
    }

    static String format(KapsoErrorDetails d) {
        StringBuilder out = new StringBuilder("Kapso ")
                .append(d.operationId() == null ? "request" : d.operationId())
                .append(" failed: HTTP ").append(d.httpStatus());
        appendIfPresent(out, " ", d.type());
        appendIfPresent(out, " code ", d.code());
        appendIfPresent(out, " subcode ", d.subcode());
        appendIfPresent(out, " ", d.platformCode());
        out.append(" (").append(d.category()).append(')');
        if (!d.errorMessage().equals("HTTP " + d.httpStatus())) {
            out.append(": ").append(d.errorMessage());
        }
        appendIfPresent(out, " - ", d.errorDetails());
        if (!d.errors().isEmpty() && !d.errorMessage().equals(String.join("; ", d.errors()))) {
            out.append(" [errors: ").append(listed(d.errors())).append(']');
        }
        if (d.retryAfter() != null) {
            out.append(" [retry after ").append(humanDuration(d.retryAfter())).append(']');
        }
        if (d.fbtraceId() != null) {
            out.append(" [fbtrace_id=").append(d.fbtraceId()).append(']');
        }
        return out.toString();
    }

    private static void appendIfPresent(StringBuilder out, String prefix, Object value) {
        if (value != null) {
            out.append(prefix).append(value);
        }
    }

    private static String listed(List<String> errors) {
        if (errors.size() <= MAX_LISTED_ERRORS) {
            return String.join("; ", errors);
        }
        return String.join("; ", errors.subList(0, MAX_LISTED_ERRORS))
                + "; +" + (errors.size() - MAX_LISTED_ERRORS) + " more";
    }

    private static String humanDuration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
