package io.github.camelkapso.simulator.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of one resource kind, in creation order. Confined to the simulator's event loop: no locking.
 */
public final class Store {

    /** A record and its creation sequence (the tie-breaker of equal timestamps). */
    public record Entry(ObjectNode node, long seq) {
        public String id() {
            return node.path("id").asText();
        }
    }

    private final String name;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private long nextSeq;

    public Store(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ObjectNode put(ObjectNode node) {
        String id = node.path("id").asText();
        Entry existing = byId.get(id);
        byId.put(id, new Entry(node, existing != null ? existing.seq() : nextSeq++));
        return node;
    }

    public Optional<ObjectNode> get(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.node());
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Optional<ObjectNode> remove(String id) {
        Entry e = byId.remove(id);
        return e == null ? Optional.empty() : Optional.of(e.node());
    }

    public int size() {
        return byId.size();
    }

    public Collection<ObjectNode> all() {
        return byId.values().stream().map(Entry::node).collect(Collectors.toList());
    }

    public Optional<ObjectNode> find(Predicate<ObjectNode> filter) {
        return byId.values().stream().map(Entry::node).filter(filter).findFirst();
    }

    /** Matching entries, newest first (by the given timestamp field, then creation order). */
    public List<Entry> newestFirst(Predicate<ObjectNode> filter, String timeField) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (filter.test(e.node())) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing((Entry e) -> e.node().path(timeField).asText()).thenComparingLong(Entry::seq).reversed());
        return out;
    }

    /** Matching entries in creation order. */
    public List<Entry> oldestFirst(Predicate<ObjectNode> filter) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (filter.test(e.node())) {
                out.add(e);
            }
        }
        return out;
    }

    public void clear() {
        byId.clear();
    }
}
