package io.github.camelkapso.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelkapso.simulator.FunctionsModuleTest.list;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseModuleTest extends SimulatorTestBase {

    @BeforeAll
    static void seedContacts() {
        List<Map<String, Object>> rows = List.of(
                row("Ana", 31, "active", "ana@example.com"),
                row("Bruno", 9, "inactive", "bruno@example.com"),
                row("Carla", 45, "pending", null),
                row("Dario", 18, "active", "dario@example.org"),
                row("Elena", 27, "active", "elena@example.com"));
        Exchange inserted = call("insertRows", rows, Map.of("CamelKapsoTable", "contacts"));
        assertThat(inserted.getException()).isNull();
        assertThat(inserted.getMessage().getHeader(KapsoConstants.HTTP_STATUS)).isEqualTo(201);
        List<Map<String, Object>> data = list(inserted.getMessage().getBody(Map.class).get("data"));
        assertThat(data).hasSize(5).allSatisfy(r -> assertThat(r).containsKeys("id", "created_at", "updated_at"));
    }

    @Test
    void everyOperatorFilters() {
        assertThat(names(Map.of("status", "eq.active"))).containsExactlyInAnyOrder("Ana", "Dario", "Elena");
        assertThat(names(Map.of("status", "neq.active"))).containsExactlyInAnyOrder("Bruno", "Carla");
        assertThat(names(Map.of("age", "gt.18"))).as("numbers compare numerically, 9 < 18").containsExactlyInAnyOrder("Ana", "Carla", "Elena");
        assertThat(names(Map.of("age", "gte.18"))).containsExactlyInAnyOrder("Ana", "Carla", "Dario", "Elena");
        assertThat(names(Map.of("age", "lt.18"))).containsExactly("Bruno");
        assertThat(names(Map.of("age", "lte.18"))).containsExactlyInAnyOrder("Bruno", "Dario");
        assertThat(names(Map.of("email", "like.%@example.com"))).containsExactlyInAnyOrder("Ana", "Bruno", "Elena");
        assertThat(names(Map.of("name", "like._runo"))).containsExactly("Bruno");
        assertThat(names(Map.of("status", "in.(pending,inactive)"))).containsExactlyInAnyOrder("Bruno", "Carla");
        assertThat(names(Map.of("email", "is.null"))).containsExactly("Carla");
        assertThat(names(Map.of("status", "eq.active", "age", "lt.30"))).as("filters are ANDed").containsExactlyInAnyOrder("Dario", "Elena");

        Exchange unsupported = query(Map.of("name", "ilike.ana"), Map.of());
        assertThat(unsupported.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("ilike");
        assertThat(((KapsoApiException) unsupported.getException()).getHttpStatus()).isEqualTo(400);
    }

    @Test
    void selectOrderLimitOffset() {
        Exchange page = query(Map.of("status", "eq.active"), Map.of("CamelKapsoSelect", "name,age", "CamelKapsoOrder", "age.desc",
                "CamelKapsoLimit", 2, "CamelKapsoOffset", 1));
        assertThat(list(page.getMessage().getBody(Map.class).get("data"))).containsExactly(
                Map.of("name", "Elena", "age", 27), Map.of("name", "Dario", "age", 18));
        assertThat(call("getRow", null, Map.of("CamelKapsoTable", "contacts", "CamelKapsoId", "missing")).getException())
                .isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void autoPaginateWalksTheOffsets() {
        Exchange all = template.send("kapso:queryRows?autoPaginate=true&pageSize=2", ex -> {
            ex.getMessage().setHeader("CamelKapsoTable", "contacts");
            ex.getMessage().setHeader("CamelKapsoOrder", "name.asc");
        });
        assertThat(all.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = all.getMessage().getBody(List.class);
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("Ana", "Bruno", "Carla", "Dario", "Elena");
        assertThat(all.getMessage().getHeader(KapsoConstants.PAGES_FETCHED, Integer.class)).as("2 + 2 + 1 rows").isEqualTo(3);
    }

    @Test
    void updateAndDeleteNeedAFilter() {
        call("insertRows", Map.of("sku", "A-1", "stock", 3), Map.of("CamelKapsoTable", "inventory"));
        call("insertRows", Map.of("sku", "B-2", "stock", 0), Map.of("CamelKapsoTable", "inventory"));
        Exchange everything = call("updateRows", Map.of("stock", 100), Map.of("CamelKapsoTable", "inventory"));
        assertThat(everything.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("requires at least one filter");
        assertThat(((KapsoApiException) everything.getException()).getHttpStatus()).isEqualTo(400);
        Exchange wipe = call("deleteRows", null, Map.of("CamelKapsoTable", "inventory"));
        assertThat(wipe.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("requires at least one filter");

        Exchange updated = template.send("kapso:updateRows", ex -> {
            ex.getMessage().setBody(Map.of("stock", 5));
            ex.getMessage().setHeader("CamelKapsoTable", "inventory");
            ex.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, Map.of("stock", "lt.5"));
        });
        assertThat(list(updated.getMessage().getBody(Map.class).get("data"))).extracting(r -> r.get("stock")).containsExactly(5, 5);

        Exchange deleted = template.send("kapso:deleteRows", ex -> {
            ex.getMessage().setHeader("CamelKapsoTable", "inventory");
            ex.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, Map.of("sku", "eq.A-1"));
        });
        assertThat(deleted.getException()).isNull();
        assertThat(list(query("inventory", Map.of(), Map.of()).getMessage().getBody(Map.class).get("data")))
                .extracting(r -> r.get("sku")).containsExactly("B-2");
        assertThat(query("nowhere", Map.of(), Map.of()).getException()).isInstanceOf(KapsoNotFoundException.class);
    }

    @Test
    void upsertUpdatesTheIdentifiedRowOrInserts() {
        Exchange first = template.send("kapso:upsertRows", ex -> {
            ex.getMessage().setBody(Map.of("phone", "+14155550100", "name", "Ana"));
            ex.getMessage().setHeader("CamelKapsoTable", "subscribers");
            ex.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, Map.of("phone", "eq.+14155550100"));
        });
        assertThat(first.getException()).isNull();
        String id = (String) list(first.getMessage().getBody(Map.class).get("data")).get(0).get("id");
        Exchange second = template.send("kapso:upsertRows", ex -> {
            ex.getMessage().setBody(Map.of("phone", "+14155550100", "name", "Ana Maria"));
            ex.getMessage().setHeader("CamelKapsoTable", "subscribers");
            ex.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, Map.of("phone", "eq.+14155550100"));
        });
        assertThat(list(second.getMessage().getBody(Map.class).get("data"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("id", id).containsEntry("name", "Ana Maria"));
        assertThat(list(query("subscribers", Map.of(), Map.of()).getMessage().getBody(Map.class).get("data"))).hasSize(1);
        assertThat(data(ok("getRow", null, Map.of("CamelKapsoTable", "subscribers", "CamelKapsoId", id))))
                .containsEntry("name", "Ana Maria");
    }

    private static List<Object> names(Map<String, Object> filters) {
        Exchange ex = query(filters, Map.of());
        assertThat(ex.getException()).isNull();
        return list(ex.getMessage().getBody(Map.class).get("data")).stream().map(r -> r.get("name")).toList();
    }

    private static Exchange query(Map<String, Object> filters, Map<String, Object> headers) {
        return query("contacts", filters, headers);
    }

    private static Exchange query(String table, Map<String, Object> filters, Map<String, Object> headers) {
        return template.send("kapso:queryRows", ex -> {
            ex.getMessage().setHeaders(new LinkedHashMap<>(headers));
            ex.getMessage().setHeader("CamelKapsoTable", table);
            ex.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, filters);
        });
    }

    private static Map<String, Object> row(String name, int age, String status, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("age", age);
        row.put("status", status);
        row.put("email", email);
        return row;
    }
}
