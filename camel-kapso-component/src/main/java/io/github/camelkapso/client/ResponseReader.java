package io.github.camelkapso.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoErrorCategory;
import io.github.camelkapso.error.KapsoErrorDetails;
import io.github.camelkapso.error.KapsoErrorParser;

/** Reads an HTTP answer: a {@link KapsoResponse} for 2xx, a typed {@code KapsoApiException} for anything else. */
final class ResponseReader {

    private static final byte[] MASK = "xxxxxx".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper;
    private final KapsoCallStats stats;
    private final byte[] apiKey;

    ResponseReader(ObjectMapper mapper, KapsoCallStats stats, String apiKey) {
        this.mapper = mapper;
        this.stats = stats;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim().getBytes(StandardCharsets.UTF_8);
    }

    KapsoResponse read(KapsoOperation op, HttpCaller.Reply answer) throws IOException {
        HttpResponse<byte[]> response = answer.response();
        int status = response.statusCode();
        stats.record(op.id(), status);
        stats.recordRateLimit(PageInfo.headerNumber(response.headers(), "X-RateLimit-Remaining"),
                PageInfo.headerNumber(response.headers(), "X-RateLimit-Limit"));
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        if (status < 200 || status >= 300) {
            throw KapsoErrorParser.parse(op.id(), status, response.headers(), withoutKey(bytes));
        }
        if (op.envelope() == KapsoOperation.Envelope.BINARY) {
            return new KapsoResponse(status, response.headers(), null, bytes, List.of(), PageInfo.read(null, response.headers()),
                    answer.attempts());
        }
        JsonNode json = bytes.length == 0 ? null : json(op, status, response, bytes);
        List<JsonNode> items = op.isList() ? items(json) : List.of();
        return new KapsoResponse(status, response.headers(), json, bytes, items, PageInfo.read(json, response.headers()),
                answer.attempts());
    }

    /** An error body with any echo of the API key masked: it ends up in exception messages and logs. */
    private byte[] withoutKey(byte[] body) {
        if (apiKey == null || body.length < apiKey.length) {
            return body;
        }
        java.io.ByteArrayOutputStream out = null;
        int copied = 0;
        for (int i = 0; i <= body.length - apiKey.length; i++) {
            if (java.util.Arrays.equals(body, i, i + apiKey.length, apiKey, 0, apiKey.length)) {
                if (out == null) {
                    out = new java.io.ByteArrayOutputStream(body.length);
                }
                out.write(body, copied, i - copied);
                out.writeBytes(MASK);
                copied = i + apiKey.length;
                i = copied - 1;
            }
        }
        if (out == null) {
            return body;
        }
        out.write(body, copied, body.length - copied);
        return out.toByteArray();
    }

    /**
     * Parses a 2xx body. One that is not JSON (a proxy's HTML page, a truncated answer) fails as a
     * {@link KapsoApiException} carrying the status and the body, not as a bare Jackson exception.
     */
    private JsonNode json(KapsoOperation op, int status, HttpResponse<byte[]> response, byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
            KapsoApiException failure = new KapsoApiException(KapsoErrorDetails.builder(status)
                    .operationId(op.id())
                    .errorMessage("the " + status + " answer is not valid JSON (" + contentType + ")")
                    .responseBody(truncate(text))
                    .category(KapsoErrorCategory.UNKNOWN)
                    .retryable(false)
                    .build());
            failure.initCause(e);
            throw failure;
        }
    }

    private static String truncate(String text) {
        if (text.length() <= KapsoErrorParser.MAX_BODY_CHARS) {
            return text;
        }
        int end = KapsoErrorParser.MAX_BODY_CHARS;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
    }

    private static List<JsonNode> items(JsonNode json) {
        if (json == null) {
            return List.of();
        }
        JsonNode array = json.isArray() ? json : json.path("data");
        if (!array.isArray()) {
            array = firstArrayField(json);
        }
        if (array == null) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    private static JsonNode firstArrayField(JsonNode json) {
        for (Iterator<JsonNode> it = json.elements(); it.hasNext();) {
            JsonNode field = it.next();
            if (field.isArray()) {
                return field;
            }
        }
        return null;
    }
}
