package io.github.camelkapso.producer;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.github.camelkapso.CommonIds;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.ParameterNames;
import io.github.camelkapso.ProvidedHeaders;
import org.apache.camel.Exchange;

/**
 * Finds the value of an operation parameter. Precedence: message header ({@code CamelKapso<Name>}) > endpoint option
 * ({@code ?<name>=}) > configured default for the common ids (phoneNumberId, businessAccountId, customerId). A header
 * that still holds the value an earlier kapso: answer or consumer gave it ({@link ProvidedHeaders}) comes after the
 * endpoint option: it was not set to steer this call.
 */
final class ParameterResolver {

    /**
     * Wire names that mean a common id under another name: {@code {waba_id}} is the business account id, so the
     * documented {@code CamelKapsoBusinessAccountId} header must beat the configured default there too.
     */
    private static final Map<String, String> HEADER_ALIASES = Map.of("waba_id", KapsoConstants.BUSINESS_ACCOUNT_ID);

    private final KapsoEndpoint endpoint;

    ParameterResolver(KapsoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * @param wireName        the parameter as Kapso names it
     * @param acceptsDefaults whether the configured common ids may fill it (paths and identifying query parameters;
     *                        never an optional Platform list filter, which would silently narrow results)
     */
    String resolve(Exchange exchange, String wireName, boolean acceptsDefaults) {
        String headerName = ParameterNames.headerName(wireName);
        Object header = exchange.getMessage().getHeader(headerName);
        if (header == null && HEADER_ALIASES.containsKey(wireName)) {
            headerName = HEADER_ALIASES.get(wireName);
            header = exchange.getMessage().getHeader(headerName);
        }
        String fromUri = endpoint.getOperationParameters().get(wireName);
        if (header != null && (fromUri == null || !ProvidedHeaders.unchanged(exchange, headerName, header))) {
            return asText(header);
        }
        if (fromUri != null) {
            return fromUri;
        }
        return acceptsDefaults ? CommonIds.defaultFor(wireName, endpoint.getConfiguration()) : null;
    }

    static String asText(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Iterable<?> it) {
            return StreamSupport.stream(it.spliterator(), false).map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
