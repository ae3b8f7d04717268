package io.github.camelkapso.consumer.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Copies to an event's exchange the request headers named in {@code webhookForwardHeaders}, and nothing else: the
 * request's other headers are not signed and would reach the route as facts. Names are compared case-insensitively.
 * Kapso's own delivery and signature headers are never copied, even when named. Since the HTTP engine puts query
 * parameters among the headers, a name that appears in the query string is not copied either: {@code ?X-Tenant=1}
 * must not pass for a header.
 */
final class ForwardedHeaders {

    private final DefaultHeaderFilterStrategy strategy = new DefaultHeaderFilterStrategy();
    private final boolean none;

    ForwardedHeaders(String names) {
        String[] allowed = names == null ? new String[0]
                : Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                        .map(n -> n.toLowerCase(Locale.ROOT)).filter(n -> !isDeliveryHeader(n)).toArray(String[]::new);
        none = allowed.length == 0;
        strategy.setLowerCase(true);
        strategy.setFilterOnMatch(false);
        strategy.setInFilter(new HashSet<>(Arrays.asList(allowed)));
    }

    void copy(Message request, Message into) {
        if (none) {
            return;
        }
        Set<String> queryNames = queryNames(request.getHeader(Exchange.HTTP_QUERY, String.class));
        Exchange exchange = into.getExchange();
        for (Map.Entry<String, Object> header : request.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!strategy.applyFilterToExternalHeaders(name, header.getValue(), exchange)
                && !queryNames.contains(name.toLowerCase(Locale.ROOT))) {
                into.setHeader(name, header.getValue());
            }
        }
    }

    /**
     * Kapso's own delivery headers: their values are in the CamelKapso* headers, and the signatures must not travel
     * further.
     */
    private static boolean isDeliveryHeader(String header) {
        return header.regionMatches(true, 0, "X-Webhook-", 0, 10) || header.regionMatches(true, 0, "X-Hub-Signature", 0, 15)
               || header.equalsIgnoreCase(DeliveryHeaders.IDEMPOTENCY_KEY) || header.equalsIgnoreCase("X-Batch-Size");
    }

    private static Set<String> queryNames(String query) {
        Set<String> names = new HashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            names.add(URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
