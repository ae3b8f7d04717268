package io.github.camelkapso.simulator.ops;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;

/** The handler of every catalog operation. Resource modules register theirs; none may be missing. */
public final class HandlerRegistry {

    private final Map<String, OperationHandler> handlers = new HashMap<>();
    private final Map<String, InvalidBodyRenderer> invalidBodyRenderers = new HashMap<>();
    private final KapsoCatalog catalog;

    public HandlerRegistry(KapsoCatalog catalog) {
        this.catalog = catalog;
    }

    public HandlerRegistry on(String operationId, OperationHandler handler) {
        KapsoOperation op = catalog.require(operationId);
        if (handlers.putIfAbsent(op.id(), handler) != null) {
            throw new IllegalStateException("Two handlers for " + operationId);
        }
        return this;
    }

    /** How a schema violation of this operation's body is answered, where Kapso uses a shape of its own. */
    public HandlerRegistry onInvalidBody(String operationId, InvalidBodyRenderer renderer) {
        invalidBodyRenderers.put(catalog.require(operationId).id(), renderer);
        return this;
    }

    public InvalidBodyRenderer invalidBodyRenderer(String operationId) {
        return invalidBodyRenderers.get(operationId);
    }

    public OperationHandler get(String operationId) {
        return handlers.get(operationId);
    }

    /** Catalog operations nobody registered a handler for. */
    public Set<String> missing() {
        Set<String> missing = new TreeSet<>();
        for (KapsoOperation op : catalog.operations()) {
            if (!handlers.containsKey(op.id())) {
                missing.add(op.id());
            }
        }
        return missing;
    }

    public Collection<String> registered() {
        return new TreeSet<>(handlers.keySet());
    }
}
