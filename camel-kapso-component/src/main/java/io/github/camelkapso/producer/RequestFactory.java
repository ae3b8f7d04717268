package io.github.camelkapso.producer;

import java.util.Map;

import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.ParameterNames;
import io.github.camelkapso.client.KapsoClient;
import io.github.camelkapso.client.KapsoRequest;
import io.github.camelkapso.catalog.HeaderParam;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.QueryParam;
import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.producer.body.RequestBodyEncoders;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.util.URISupport;

/** Turns an exchange into a {@link KapsoRequest} for a catalog operation; fails before any I/O on bad input. */
public final class RequestFactory {

    private final KapsoEndpoint endpoint;
    private final ParameterResolver parameters;
    private final RequestBodyEncoders encoders;

    RequestFactory(KapsoEndpoint endpoint, RequestBodyEncoders encoders) {
        this.endpoint = endpoint;
        this.parameters = new ParameterResolver(endpoint);
        this.encoders = encoders;
    }

    /** The requests of an endpoint's own operation, built from its options alone (polling consumers). */
    public static RequestFactory forEndpoint(KapsoEndpoint endpoint) {
        return new RequestFactory(endpoint, new RequestBodyEncoders(endpoint.getComponent().getObjectMapper()));
    }

    /**
     * The endpoint's operation as its options describe it, with {@code query} on top (it wins over endpoint options).
     * Does no I/O, so a missing path parameter fails here.
     */
    public KapsoRequest prepare(Map<String, String> query) throws Exception {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, Map.copyOf(query));
        return prepare(endpoint.getCatalogOperation(), exchange);
    }

    KapsoRequest prepare(KapsoOperation op, Exchange exchange) throws Exception {
        hideKeyInToEndpoint(exchange);
        KapsoRequest.Builder request = KapsoRequest.to(op);
        for (String name : op.pathParams()) {
            String value = parameters.resolve(exchange, name, true);
            if (value == null || value.isEmpty()) {
                throw new KapsoRequestException(missing(op, "path parameter", name));
            }
            request.pathParam(name, value);
        }
        query(op, exchange, request);
        headers(op, exchange, request);
        request.body(encoders.forOperation(op).encode(op, exchange));
        if (op.isMessageSend()) {
            request.throttleKey(parameters.resolve(exchange, "phone_number_id", true));
        }
        return request.build();
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

    private void query(KapsoOperation op, Exchange exchange, KapsoRequest.Builder query) {
        for (QueryParam q : op.queryParams()) {
            boolean identifying = q.required() || op.base() != KapsoOperation.Base.PLATFORM;
            String value = parameters.resolve(exchange, q.name(), identifying);
            if (value == null && q.required()) {
                throw new KapsoRequestException(missing(op, "query parameter", q.name()));
            }
            query.query(q.name(), value);
        }
        KapsoConfiguration cfg = endpoint.getConfiguration();
        if (cfg.getPageSize() != null) {
            KapsoClient.pageSizeParameter(op).ifPresent(size -> query.queryIfAbsent(size, String.valueOf(cfg.getPageSize())));
        }
        if (op.filters() && cfg.getFilters() != null) {
            cfg.getFilters().forEach((k, v) -> query.queryIfAbsent(k, ParameterResolver.asText(v)));
        }
        Map<?, ?> extra = exchange.getMessage().getHeader(KapsoConstants.QUERY_PARAMETERS, Map.class);
        if (extra != null) {
            extra.forEach((k, v) -> {
                if (v != null) {
                    query.query(String.valueOf(k), ParameterResolver.asText(v));
                }
            });
        }
    }

    private void headers(KapsoOperation op, Exchange exchange, KapsoRequest.Builder headers) {
        for (HeaderParam h : op.headerParams()) {
            Object value = exchange.getMessage().getHeader(h.name());
            String text = value != null ? ParameterResolver.asText(value) : parameters.resolve(exchange, h.name().toLowerCase(), false);
            if (text == null && h.required()) {
                throw new KapsoRequestException(missing(op, "header", h.name()));
            }
            headers.header(h.name(), text);
        }
        HeaderFilterStrategy strategy = endpoint.getHeaderFilterStrategy();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !headers.hasHeader(name) && !strategy.applyFilterToCamelHeaders(name, value, exchange)) {
                headers.header(name, ParameterResolver.asText(value));
            }
        });
    }

    private static String missing(KapsoOperation op, String kind, String name) {
        String option = ParameterNames.optionName(name);
        return "Missing " + kind + " '" + name + "' for Kapso operation " + op.id() + ": set header "
               + ParameterNames.headerName(name) + " or endpoint option " + option;
    }
}
