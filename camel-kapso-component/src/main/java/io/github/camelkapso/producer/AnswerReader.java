package io.github.camelkapso.producer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoErrorParser;
import io.github.camelkapso.health.KapsoCallStats;

/** Reads an HTTP answer: a {@link Answer} for 2xx, a typed {@code KapsoApiException} for anything else. */
final class AnswerReader {

    private final ObjectMapper mapper;
    private final KapsoCallStats stats;

    AnswerReader(ObjectMapper mapper, KapsoCallStats stats) {
        this.mapper = mapper;
        this.stats = stats;
    }

    Answer read(KapsoOperation op, HttpCaller.Reply answer) throws IOException {
        HttpResponse<byte[]> response = answer.response();
        int status = response.statusCode();
        stats.record(op.id(), status);
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        if (status < 200 || status >= 300) {
            throw KapsoErrorParser.parse(op.id(), status, response.headers(), bytes);
        }
        if (op.envelope() == KapsoOperation.Envelope.BINARY) {
            return new Answer(status, response.headers(), null, bytes, List.of(), PageInfo.read(null, response.headers()),
                    answer.attempts());
        }
        JsonNode json = bytes.length == 0 ? null : mapper.readTree(bytes);
        List<JsonNode> items = op.pagination() != KapsoOperation.Pagination.NONE || op.id().startsWith("list")
                ? items(json) : List.of();
        return new Answer(status, response.headers(), json, bytes, items, PageInfo.read(json, response.headers()),
                answer.attempts());
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
