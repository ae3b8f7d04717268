package io.github.camelkapso.consumer.polling;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.PollProfile.ValueKind;
import org.apache.camel.spi.StateRepository;

/**
 * Keeps one consumer's {@link PollState} in a Camel {@link StateRepository} under a key, as one line of JSON
 * {@code {"v":1,"mark":"2024-05-01T10:00:00Z","ids":["..."]}} (no line breaks: FileStateRepository stores one entry per
 * line).
 */
final class PollStateStore {

    private static final int VERSION = 1;

    private final ObjectMapper mapper;
    private final StateRepository<String, String> repository;
    private final String key;
    private final ValueKind kind;

    PollStateStore(ObjectMapper mapper, StateRepository<String, String> repository, String key, ValueKind kind) {
        this.mapper = mapper;
        this.repository = repository;
        this.key = key;
        this.kind = kind;
    }

    String key() {
        return key;
    }

    /** The stored state, or null when nothing is stored under the key. */
    PollState load() {
        String json = repository.getState(key);
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node.path("v").asInt() != VERSION) {
                throw new IllegalStateException("unknown version " + node.path("v"));
            }
            String markText = node.path("mark").isTextual() ? node.path("mark").asText() : null;
            OrderValue mark = OrderValue.parse(markText, kind);
            if (markText != null && mark == null) {
                throw new IllegalStateException("the mark '" + markText + "' is not a " + kind.name().toLowerCase() + " value");
            }
            Set<String> ids = new LinkedHashSet<>();
            node.path("ids").forEach(id -> ids.add(id.asText()));
            return new PollState(mark, ids);
        } catch (Exception e) {
            throw new IllegalStateException("The polling state stored under '" + key + "' cannot be read (" + e.getMessage()
                                            + "); fix or remove that entry of the state repository", e);
        }
    }

    void save(PollState state) {
        ObjectNode node = mapper.createObjectNode();
        node.put("v", VERSION);
        if (state.mark() != null) {
            node.put("mark", state.mark().text());
        }
        ArrayNode ids = node.putArray("ids");
        state.idsAtMark().forEach(ids::add);
        repository.setState(key, node.toString());
    }
}
