package io.github.camelkapso.simulator.ops.messaging;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.state.SimState;

/** The documented shapes of stored records on each surface: answers are copies, never the stored nodes. */
final class Views {

    private static final String[] META_CONTACT = {"id", "wa_id", "business_scoped_user_id", "parent_business_scoped_user_id",
        "username", "profile_name", "display_name", "metadata", "created_at", "updated_at"};
    private static final String[] PLATFORM_CONTACT = {"id", "wa_id", "business_scoped_user_id", "parent_business_scoped_user_id",
        "username", "profile_name", "display_name", "customer_id", "metadata", "created_at", "updated_at"};
    private static final String[] ASSIGNMENT = {"id", "user_id", "created_by_user_id", "notes", "active", "created_at"};

    private Views() {
    }

    static ObjectNode metaContact(ObjectNode contact) {
        return pick(contact, META_CONTACT);
    }

    static ObjectNode platformContact(ObjectNode contact) {
        return pick(contact, PLATFORM_CONTACT);
    }

    static ObjectNode assignment(ObjectNode assignment) {
        return pick(assignment, ASSIGNMENT);
    }

    /** Replaces each item of a list answer's {@code data} by its view. */
    static SimResponse mapData(SimResponse list, UnaryOperator<ObjectNode> view) {
        ArrayNode data = (ArrayNode) list.json().get("data");
        for (int i = 0; i < data.size(); i++) {
            data.set(i, view.apply((ObjectNode) data.get(i)));
        }
        return list;
    }

    private static ObjectNode pick(ObjectNode record, String[] fields) {
        ObjectNode view = SimState.object();
        for (String f : fields) {
            JsonNode v = record.get(f);
            view.set(f, v == null ? null : v.deepCopy());
        }
        return view;
    }
}
