package io.github.camelkapso.simulator.ops.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/** What a stored record looks like on the wire: the documented field set, without the simulator's bookkeeping. */
final class Views {

    private Views() {
    }

    /** A copy holding exactly {@code fields}, in that order; a field the record lacks is null. */
    static ObjectNode only(ObjectNode record, List<String> fields) {
        ObjectNode view = SimState.object();
        for (String f : fields) {
            JsonNode v = record.get(f);
            view.set(f, v == null ? null : v.deepCopy());
        }
        return view;
    }

    /** The same entries (order and sequence kept) with each record replaced by its view, for the list envelopes. */
    static List<Store.Entry> map(List<Store.Entry> entries, UnaryOperator<ObjectNode> view) {
        List<Store.Entry> out = new ArrayList<>(entries.size());
        for (Store.Entry e : entries) {
            out.add(new Store.Entry(view.apply(e.node()), e.seq()));
        }
        return out;
    }
}
