package io.github.camelkapso.simulator.state;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything the simulator holds, one {@link Store} per resource kind. Confined to the event loop.
 */
public final class SimState {

    private final Map<String, Store> stores = new LinkedHashMap<>();
    private final String projectId = Ids.uuid();

    public Store store(String name) {
        return stores.computeIfAbsent(name, Store::new);
    }

    public String projectId() {
        return projectId;
    }

    public Map<String, Store> stores() {
        return stores;
    }

    /** What a Graph node id names, for routes that share a shape: phone_number, business_account, flow, media. */
    public String nodeKind(String id) {
        if (store(Stores.PHONE_NUMBERS).contains(id)) {
            return "phone_number";
        }
        if (store(Stores.BUSINESS_ACCOUNTS).contains(id)) {
            return "business_account";
        }
        if (store(Stores.META_FLOWS).contains(id)) {
            return "flow";
        }
        if (store(Stores.MEDIA).contains(id)) {
            return "media";
        }
        return null;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
