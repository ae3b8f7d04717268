package io.github.camelkapso.simulator.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreTest {

    private static ObjectNode record(String id, String waId) {
        ObjectNode n = SimState.object();
        n.put("id", id);
        if (waId != null) {
            n.put("wa_id", waId);
        }
        return n;
    }

    @Test
    void anIndexFilesRecordsWhenPutAndForgetsThemWhenRemoved() {
        Store store = new Store("contacts");
        store.put(record("a", "1555"));
        store.index("wa_id", n -> n.hasNonNull("wa_id") ? n.get("wa_id").asText() : null);
        store.put(record("b", "1666"));
        store.put(record("c", null));

        assertThat(store.indexed("wa_id", "1555")).extracting(n -> n.path("id").asText()).containsExactly("a");
        assertThat(store.indexed("wa_id", "1666")).extracting(n -> n.path("id").asText()).containsExactly("b");
        assertThat(store.indexed("wa_id", "nobody")).isEmpty();

        ObjectNode b = store.get("b").orElseThrow();
        b.put("wa_id", "1777");
        store.put(b);
        assertThat(store.indexed("wa_id", "1666")).isEmpty();
        assertThat(store.indexed("wa_id", "1777")).containsExactly(b);

        store.remove("a");
        assertThat(store.indexed("wa_id", "1555")).isEmpty();
        store.clear();
        assertThat(store.indexed("wa_id", "1777")).isEmpty();
    }

    @Test
    void removeOldestDropsRecordsInCreationOrder() {
        Store store = new Store("logs");
        store.index("wa_id", n -> n.path("wa_id").asText(null));
        for (int i = 0; i < 5; i++) {
            store.put(record("r" + i, "w" + i));
        }
        store.put(record("r0", "w0")); // put again: still the oldest

        store.removeOldest(2);

        assertThat(store.oldestFirst(n -> true)).extracting(Store.Entry::id).containsExactly("r2", "r3", "r4");
        assertThat(store.indexed("wa_id", "w0")).isEmpty();
        assertThat(store.indexed("wa_id", "w2")).hasSize(1);
    }
}
