package io.github.camelkapso.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.ParameterNames;
import io.github.camelkapso.catalog.HeaderParam;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.QueryParam;
import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.producer.body.EncodedBody;
import io.github.camelkapso.producer.body.RequestBodyEncoders;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.util.URISupport;

/** Turns an exchange into a {@link PreparedCall} for a catalog operation; fails before any I/O on bad input. */
final class RequestFactory {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final KapsoEndpoint endpoint;
    private final ParameterResolver parameters;
    private final RequestBodyEncoders encoders;

    RequestFactory(KapsoEndpoint endpoint, RequestBodyEncoders encoders) {
        this.endpoint = endpoint;
        this.parameters = new ParameterResolver(endpoint);
        this.encoders = encoders;
    }

    PreparedCall prepare(KapsoOperation op, Exchange exchange) throws Exception {
        hideKeyInToEndpoint(exchange);
        String url = baseUrl(op) + expandPath(op, exchange);
        Map<String, String> query = query(op, exchange);
        Map<String, String> headers = headers(op, exchange);
        EncodedBody body = encoders.forOperation(op).encode(op, exchange);
        String throttleKey = op.isMessageSend() ? parameters.resolve(exchange, "phone_number_id", true) : null;
        return new PreparedCall(op, url, query, headers, body, throttleKey);
    }

    /**
     * Camel records the raw endpoint URI in the {@code CamelToEndpoint} property (and, on failure, in
     * {@code CamelFailureEndpoint}), where logs showing exchange properties would print an {@code apiKey} given on
     * the URI. Replace it with the sanitised form Camel uses in {@code toString()}.
     */
    private void hideKeyInToEndpoint(Exchange exchange) {
        Object to = exchange.getProperty(ExchangePropertyKey.TO_ENDPOINT);
        if (to instanceof String uri && uri.equals(endpoint.getEndpointUri())) {
            String safe = URISupport.sanitizeUri(uri);
            if (!safe.equals(uri)) {
                exchange.setProperty(ExchangePropertyKey.TO_ENDPOINT, safe);
            }
        }
    }

    private String baseUrl(KapsoOperation op) {
        KapsoConfiguration cfg = endpoint.getConfiguration();
        String root = cfg.getBaseUrl().endsWith("/")
                ? cfg.getBaseUrl().substring(0, cfg.getBaseUrl().length() - 1) : cfg.getBaseUrl();
        switch (op.base()) {
            case META:
                return root + "/meta/whatsapp/" + cfg.getGraphVersion();
            case META_UNVERSIONED:
                return root + "/meta/whatsapp";
            default:
                return root + "/platform/v1";
        }
    }

    private String expandPath(KapsoOperation op, Exchange exchange) {
        Matcher m = PLACEHOLDER.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = parameters.resolve(exchange, name, true);
            if (value == null || value.isEmpty()) {
                throw new KapsoRequestException(missing(op, "path parameter", name));
            }
            m.appendReplacement(path, Matcher.quoteReplacement(UriEncoding.encode(value)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private Map<String, String> query(KapsoOperation op, Exchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        for (QueryParam q : op.queryParams()) {
            boolean identifying = q.required() || op.base() != KapsoOperation.Base.PLATFORM;
            String value = parameters.resolve(exchange, q.name(), identifying);
            if (value == null && q.required()) {
                throw new KapsoRequestException(missing(op, "query parameter", q.name()));
            }
            if (value != null) {
                query.put(q.name(), value);
            }
        }
        KapsoConfiguration cfg = endpoint.getConfiguration();
        if (cfg.getPageSize() != null) {
            // a cursor list that still accepts legacy page/per_page (listProjectContacts) must get limit: per_page
            // would switch Kapso to page answers without cursors
            String preferred = op.pagination() == KapsoOperation.Pagination.CURSOR ? "limit" : "per_page";
            String other = preferred.equals("limit") ? "per_page" : "limit";
            String sizeParam = op.queryParam(preferred).isPresent() ? preferred : op.queryParam(other).isPresent() ? other : null;
            if (sizeParam != null) {
                query.putIfAbsent(sizeParam, String.valueOf(cfg.getPageSize()));
            }
        }
        if (op.filters() && cfg.getFilters() != null) {
            cfg.getFilters().forEach((k, v) -> query.putIfAbsent(k, ParameterResolver.asText(v)));
        }
        Map<?, ?> extra = exchange.getMessage().getHeader(KapsoConstants.QUERY_PARAMETERS, Map.class);
        if (extra != null) {
            extra.forEach((k, v) -> {
                if (v != null) {
                    query.put(String.valueOf(k), ParameterResolver.asText(v));
                }
            });
        }
        return query;
    }

    private Map<String, String> headers(KapsoOperation op, Exchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HeaderParam h : op.headerParams()) {
            Object value = exchange.getMessage().getHeader(h.name());
            String text = value != null ? ParameterResolver.asText(value) : parameters.resolve(exchange, h.name().toLowerCase(), false);
            if (text == null && h.required()) {
                throw new KapsoRequestException(missing(op, "header", h.name()));
            }
            if (text != null) {
                headers.put(h.name(), text);
            }
        }
        HeaderFilterStrategy strategy = endpoint.getHeaderFilterStrategy();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !headers.containsKey(name) && !strategy.applyFilterToCamelHeaders(name, value, exchange)) {
                headers.put(name, ParameterResolver.asText(value));
            }
        });
        return headers;
    }

    private static String missing(KapsoOperation op, String kind, String name) {
        String option = ParameterNames.optionName(name);
        return "Missing " + kind + " '" + name + "' for Kapso operation " + op.id() + ": set header "
               + ParameterNames.headerName(name) + " or endpoint option " + option;
    }
}
