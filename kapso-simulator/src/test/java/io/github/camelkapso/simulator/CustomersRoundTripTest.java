package io.github.camelkapso.simulator;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.error.KapsoApiException;
import io.github.camelkapso.error.KapsoNotFoundException;
import io.github.camelkapso.error.KapsoValidationException;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomersRoundTripTest extends SimulatorTestBase {

    @Test
    void customerLifecycle() {
        Map<String, Object> created = data(ok("createCustomer", Map.of("name", "Acme Corp", "external_customer_id", "cus_1"), Map.of()));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("name", "Acme Corp").containsKey("created_at");

        assertThat(data(ok("getCustomer", null, Map.of("CamelKapsoCustomerId", id)))).containsEntry("external_customer_id", "cus_1");

        Map<String, Object> list = ok("listCustomers", null, Map.of("CamelKapsoNameContains", "acme"));
        assertThat((List<?>) list.get("data")).hasSize(1);

        assertThat(data(ok("updateCustomer", Map.of("name", "Acme Inc"), Map.of("CamelKapsoCustomerId", id)))).containsEntry("name", "Acme Inc");

        Exchange duplicate = call("createCustomer", Map.of("name", "Other", "external_customer_id", "cus_1"), Map.of());
        assertThat(duplicate.getException()).isInstanceOf(KapsoApiException.class).hasMessageContaining("409");

        Exchange missingName = call("createCustomer", Map.of("external_customer_id", "cus_2"), Map.of());
        assertThat(missingName.getException()).isInstanceOf(KapsoValidationException.class).hasMessageContaining("customer.name");

        ok("deleteCustomer", null, Map.of("CamelKapsoCustomerId", id));
        assertThat(call("getCustomer", null, Map.of("CamelKapsoCustomerId", id)).getException()).isInstanceOf(KapsoNotFoundException.class);
    }
}
