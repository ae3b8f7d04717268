package io.github.camelkapso.producer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.producer.body.EncodedBody;

/**
 * Everything needed to send one operation: resolved URL, query, headers and body. Immutable, so retries and page
 * follow-ups derive new calls from it.
 *
 * @param operation   the catalog entry
 * @param baseUri     scheme, host and encoded path, without query
 * @param query       query parameters in the order they are sent (values unencoded)
 * @param headers     extra HTTP headers (declared header parameters and X- headers the route set)
 * @param body        the encoded body, or {@link EncodedBody#NONE}
 * @param throttleKey the phone number a message send is throttled under, or null
 */
record PreparedCall(KapsoOperation operation, String baseUri, Map<String, String> query, Map<String, String> headers,
                    EncodedBody body, String throttleKey) {

    PreparedCall withQuery(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        if (value == null) {
            q.remove(name);
        } else {
            q.put(name, value);
        }
        return new PreparedCall(operation, baseUri, q, headers, body, throttleKey);
    }

    URI uri() {
        if (query.isEmpty()) {
            return URI.create(baseUri);
        }
        StringBuilder sb = new StringBuilder(baseUri).append('?');
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
    String describeTarget() {
        return operation.method() + " " + baseUri;
    }

    HttpRequest toHttpRequest(String apiKey, Duration timeout) {
        URI uri = uri();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .header("Accept", operation.envelope() == KapsoOperation.Envelope.BINARY ? "*/*" : "application/json");
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
}
