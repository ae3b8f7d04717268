package io.github.camelkapso;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Decides which message headers go out to Kapso as HTTP headers: only {@code X-} extension headers set by the route,
 * never Camel's own headers, credentials, or the headers of an inbound Kapso or Meta delivery being relayed.
 */
public class KapsoHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    private static final Set<String> NEVER_OUT = Set.of("x-api-key", "x-idempotency-key", "x-hub-signature",
            "x-hub-signature-256", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            "x-real-ip", "x-request-id");

    public KapsoHeaderFilterStrategy() {
        setOutFilterPattern(CAMEL_FILTER_PATTERN);
        setInFilterPattern(CAMEL_FILTER_PATTERN);
        setLowerCase(true);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (super.applyFilterToCamelHeaders(headerName, headerValue, exchange)) {
            return true;
        }
        String name = headerName.toLowerCase(Locale.ROOT);
        return !name.startsWith("x-") || NEVER_OUT.contains(name) || name.startsWith("x-webhook-")
               || name.startsWith("x-ratelimit-") || name.startsWith("x-kapso-signature");
    }
}
