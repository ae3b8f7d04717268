package io.github.camelkapso.simulator.ops.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.SimulatorModule;
import io.github.camelkapso.simulator.admin.AdminApi;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.ops.Crud;
import io.github.camelkapso.simulator.ops.HandlerRegistry;
import io.github.camelkapso.simulator.ops.QueryFilters;
import io.github.camelkapso.simulator.ops.ResponseExamples;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.Ids;
import io.github.camelkapso.simulator.state.Store;
import io.github.camelkapso.simulator.state.Stores;

/**
 * Customers and their setup links. Rules: a customer name is required; external_customer_id is unique in the
 * project (409); deleting a customer deletes its setup links; setup links expire 30 days after creation and only
 * active ones can be revoked; a setup link carries its hosted URL.
 */
public final class CustomersModule implements SimulatorModule {

    @Override
    public void register(HandlerRegistry handlers, AdminApi admin, SimContext ctx) {
        Store customers = ctx.state().store(Stores.CUSTOMERS);
        Store links = ctx.state().store(Stores.SETUP_LINKS);

        handlers.on("createCustomer", r -> {
            ObjectNode attrs = r.attributes();
            Crud.requireText(attrs, "name", "customer");
            String external = attrs.path("external_customer_id").asText(null);
            if (external != null && customers.find(c -> external.equals(c.path("external_customer_id").asText(null))).isPresent()) {
                throw ApiError.conflict("external_customer_id " + external + " is already used by another customer");
            }
            ObjectNode record = ResponseExamples.blankRecord("createCustomer");
            record.setAll(Crud.newRecord(ctx, Ids.uuid(), attrs));
            return SimResponse.data(201, customers.put(record));
        });
        handlers.on("getCustomer", r -> SimResponse.data(200, Crud.require(customers, r, "customer_id", "Customer")));
        handlers.on("listCustomers", r -> Paging.page(r, customers.newestFirst(QueryFilters.of(r), "created_at"), 100));
        handlers.on("updateCustomer", r -> {
            ObjectNode customer = Crud.require(customers, r, "customer_id", "Customer");
            return SimResponse.data(200, Crud.merge(ctx, customer, r.attributes(), Set.of()));
        });
        handlers.on("deleteCustomer", r -> {
            ObjectNode customer = Crud.require(customers, r, "customer_id", "Customer");
            customers.remove(customer.path("id").asText());
            links.all().stream().filter(l -> customer.path("id").asText().equals(l.path("customer_id").asText()))
                    .map(l -> l.path("id").asText()).toList().forEach(links::remove);
            return SimResponse.noContent();
        });

        handlers.on("createSetupLink", r -> {
            ObjectNode customer = Crud.require(customers, r, "customer_id", "Customer");
            ObjectNode record = ResponseExamples.blankRecord("createSetupLink");
            record.put("status", "active");
            record.putArray("allowed_connection_types").add("coexistence").add("dedicated");
            record.put("meta_billing_mode", "customer_managed");
            record.put("provision_phone_number", false);
            record.setAll(Crud.newRecord(ctx, Ids.uuid(), r.attributes()));
            record.put("customer_id", customer.path("id").asText());
            record.put("expires_at", Instant.parse(record.path("created_at").asText()).plus(Duration.ofDays(30)).toString());
            record.put("url", r.url().replaceFirst("/platform/v1/.*$", "") + "/setup/" + Ids.token(18));
            return SimResponse.data(201, links.put(record));
        });
        handlers.on("listSetupLinks", r -> {
            Crud.require(customers, r, "customer_id", "Customer");
            String customerId = r.path("customer_id");
            return Paging.page(r, links.newestFirst(QueryFilters.of(r).and(l -> customerId.equals(l.path("customer_id").asText())),
                    "created_at"), 100);
        });
        handlers.on("updateSetupLink", r -> {
            Crud.require(customers, r, "customer_id", "Customer");
            ObjectNode link = Crud.require(links, r, "setup_link_id", "Setup link");
            if (!r.path("customer_id").equals(link.path("customer_id").asText())) {
                throw ApiError.notFound(r.operation(), "Setup link " + r.path("setup_link_id"));
            }
            ObjectNode attrs = r.attributes();
            String status = attrs.path("status").asText(null);
            if (status != null && !status.equals("revoked")) {
                throw ApiError.unprocessable("setup_link.status can only be set to revoked");
            }
            if (status != null && !"active".equals(link.path("status").asText())) {
                throw ApiError.unprocessable("Only active setup links can be revoked (this one is " + link.path("status").asText() + ")");
            }
            return SimResponse.data(200, Crud.merge(ctx, link, attrs, Set.of("customer_id")));
        });
    }
}
