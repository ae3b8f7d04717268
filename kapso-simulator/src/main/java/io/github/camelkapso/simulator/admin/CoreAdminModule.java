package io.github.camelkapso.simulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.state.Store;

/**
 * Admin routes of the simulator itself: {@code GET /_sim/health}, {@code GET|DELETE /_sim/requests},
 * {@code GET|POST|DELETE /_sim/faults}, {@code GET /_sim/state/<store>}.
 */
public final class CoreAdminModule implements SimulatorModule {

    private final FaultRules faults;
    private final RequestLog log;
    private final HandlerRegistry handlers;

    public CoreAdminModule(FaultRules faults, RequestLog log, HandlerRegistry handlers) {
        this.faults = faults;
        this.log = log;
        this.handlers = handlers;
    }

    @Override
    public void register(HandlerRegistry registry, AdminApi admin, SimContext context) {
        admin.on("GET", "health", r -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("status", "UP");
            body.put("served_operations", handlers.registered().size());
            body.put("project_id", context.state().projectId());
            body.put("phone_number_id", context.config().phoneNumberId());
            body.put("business_account_id", context.config().businessAccountId());
            return SimResponse.json(200, body);
        });
        admin.on("GET", "requests", r -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("total", log.total());
            body.set("data", log.list(r.query("operation"), r.intQuery("limit", 1000, 1, 10_000)));
            return SimResponse.json(200, body);
        });
        admin.on("DELETE", "requests", r -> {
            log.clear();
            return SimResponse.noContent();
        });
        admin.on("GET", "faults", r -> SimResponse.data(200, faults.list()));
        admin.on("POST", "faults", r -> {
            try {
                return SimResponse.data(201, faults.add(r.json()));
            } catch (IllegalArgumentException e) {
                throw ApiError.platform(422, e.getMessage());
            }
        });
        admin.on("DELETE", "faults", r -> {
            faults.clear();
            return SimResponse.noContent();
        });
        admin.on("GET", "state/*", r -> {
            String name = r.path("name");
            if (!context.state().stores().containsKey(name)) {
                throw ApiError.platform(404, "No store " + name + "; stores: " + context.state().stores().keySet());
            }
            Store store = context.state().store(name);
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            store.all().forEach(data::add);
            return SimResponse.data(200, data);
        });
    }
}
