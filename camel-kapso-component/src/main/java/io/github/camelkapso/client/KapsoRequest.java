package io.github.camelkapso.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoRequestException;

/**
 * One call of a catalog operation with its values: the expanded path, query, headers and body. Immutable, so retries
 * and page follow-ups derive new requests from it. Build one with {@link #to(KapsoOperation)}.
 *
 * @param operation   the catalog entry
 * @param path        the operation's path with its parameters filled in and encoded, e.g. {@code /123/messages}
 * @param query       query parameters in the order they are sent (values unencoded)
 * @param headers     extra HTTP headers (declared header parameters and X- headers the caller chose to send)
 * @param body        the encoded body, or {@link EncodedBody#NONE}
 * @param throttleKey the phone number a message send is throttled under, or null
 */
public record KapsoRequest(KapsoOperation operation, String path, Map<String, String> query, Map<String, String> headers,
                           EncodedBody body, String throttleKey) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    public KapsoRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? EncodedBody.NONE : body;
    }

    public static Builder to(KapsoOperation operation) {
        return new Builder(operation);
    }

    /** This request with one query parameter set, or removed when {@code value} is null. */
    public KapsoRequest withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        if (value == null) {
            q.remove(name);
        } else {
            q.put(name, value);
        }
        return new KapsoRequest(operation, path, q, headers, body, throttleKey);
    }

    URI uri(KapsoClientSettings settings) {
        String base = settings.root(operation.base()) + path;
        if (query.isEmpty()) {
            return URI.create(base);
        }
        StringBuilder sb = new StringBuilder(base).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(UriEncoding.encode(e.getKey())).append('=').append(UriEncoding.encode(e.getValue()));
        }
        return URI.create(sb.toString());
    }

    /** Where the call goes, for messages: no query string, since it may carry tokens. */
    String describeTarget(KapsoClientSettings settings) {
        return operation.method() + " " + settings.root(operation.base()) + path;
    }

    HttpRequest toHttpRequest(KapsoClientSettings settings) {
        URI uri = uri(settings);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .header("Accept", operation.envelope() == KapsoOperation.Envelope.BINARY ? "*/*" : "application/json");
        String apiKey = settings.apiKey();
        if (apiKey != null && !apiKey.isEmpty()) {
            b.header("X-API-Key", apiKey);
        }
        headers.forEach(b::header);
        if (body.isEmpty() && "GET".equals(operation.method())) {
            // method("GET", noBody()) would announce Content-Length: 0, which some proxies refuse on a GET
            b.GET();
        } else if (body.isEmpty()) {
            b.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", body.contentType());
            b.method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        }
        return b.build();
    }

    /** Collects the values of one call; {@link #build()} fills the path and fails on a missing path parameter. */
    public static final class Builder {

        private final KapsoOperation operation;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private EncodedBody body = EncodedBody.NONE;
        private String throttleKey;

        private Builder(KapsoOperation operation) {
            this.operation = operation;
        }

        /** A value for the path placeholder {@code {name}}, e.g. {@code phone_number_id}. */
        public Builder pathParam(String name, String value) {
            pathValues.put(name, value);
            return this;
        }

        /** A query parameter; a null value leaves it out. */
        public Builder query(String name, String value) {
            if (value != null) {
                query.put(name, value);
            }
            return this;
        }

        public Builder queryIfAbsent(String name, String value) {
            if (value != null) {
                query.putIfAbsent(name, value);
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public boolean hasHeader(String name) {
            return headers.containsKey(name);
        }

        public Builder body(EncodedBody body) {
            this.body = body;
            return this;
        }

        /** Message sends are throttled per phone number when the client has a throttle rate. */
        public Builder throttleKey(String phoneNumberId) {
            this.throttleKey = phoneNumberId;
            return this;
        }

        public KapsoRequest build() {
            Matcher m = PLACEHOLDER.matcher(operation.path());
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = pathValues.get(name);
                if (value == null || value.isEmpty()) {
                    throw new KapsoRequestException("Missing path parameter '" + name + "' for Kapso operation " + operation.id());
                }
                m.appendReplacement(path, Matcher.quoteReplacement(UriEncoding.encode(value)));
            }
            m.appendTail(path);
            return new KapsoRequest(operation, path.toString(), query, headers, body, throttleKey);
        }
    }
}
