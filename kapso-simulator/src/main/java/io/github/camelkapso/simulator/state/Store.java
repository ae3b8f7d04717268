package io.github.camelkapso.simulator.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of one resource kind, in creation order, with optional secondary indexes (see {@link #index}).
 * Confined to the simulator's event loop: no locking.
 */
public final class Store {

    /** A record and its creation sequence (the tie-breaker of equal timestamps). */
    public record Entry(ObjectNode node, long seq) {
        public String id() {
            return node.path("id").asText();
        }
    }

    /** Ids by a key derived from the record, and the key each id was filed under when last put. */
    private static final class Index {
        private final Function<ObjectNode, String> key;
        private final Map<String, Set<String>> ids = new HashMap<>();
        private final Map<String, String> keyOf = new HashMap<>();

        Index(Function<ObjectNode, String> key) {
            this.key = key;
        }

        void add(String id, ObjectNode node) {
            String k = key.apply(node);
            String old = k == null ? keyOf.remove(id) : keyOf.put(id, k);
            if (Objects.equals(old, k)) {
                return;
            }
            unfile(old, id);
            if (k != null) {
                ids.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(id);
            }
        }

        void remove(String id) {
            unfile(keyOf.remove(id), id);
        }

        private void unfile(String k, String id) {
            if (k == null) {
                return;
            }
            Set<String> filed = ids.get(k);
            if (filed != null && filed.remove(id) && filed.isEmpty()) {
                ids.remove(k);
            }
        }

        void clear() {
            ids.clear();
            keyOf.clear();
        }
    }

    private final String name;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new HashMap<>();
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
        for (Index index : indexes.values()) {
            index.add(id, node);
        }
        return node;
    }

    /**
     * Declares a secondary index (once per name; later calls keep the first) and files the records already held.
     * A record is filed under {@code key(record)} (null: not filed) whenever it is put, so a record whose key
     * fields change in place must be put again.
     */
    public void index(String indexName, Function<ObjectNode, String> key) {
        if (indexes.containsKey(indexName)) {
            return;
        }
        Index index = new Index(key);
        byId.forEach((id, e) -> index.add(id, e.node()));
        indexes.put(indexName, index);
    }

    /** The records filed under {@code key} in the index {@code indexName}, in the order they were filed. */
    public List<ObjectNode> indexed(String indexName, String key) {
        Index index = indexes.get(indexName);
        if (index == null) {
            throw new IllegalStateException("Store " + name + " has no index " + indexName);
        }
        Set<String> ids = index.ids.get(key);
        if (ids == null) {
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(byId.get(id).node());
        }
        return out;
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
        if (e != null) {
            for (Index index : indexes.values()) {
                index.remove(id);
            }
        }
        return e == null ? Optional.empty() : Optional.of(e.node());
    }

    /** Removes the {@code count} oldest records (creation order), e.g. to bound a log. */
    public void removeOldest(int count) {
        Iterator<Map.Entry<String, Entry>> it = byId.entrySet().iterator();
        for (int i = 0; i < count && it.hasNext(); i++) {
            String id = it.next().getKey();
            it.remove();
            for (Index index : indexes.values()) {
                index.remove(id);
            }
        }
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
        indexes.values().forEach(Index::clear);
    }
}
