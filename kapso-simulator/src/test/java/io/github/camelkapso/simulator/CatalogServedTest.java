package io.github.camelkapso.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.simulator.support.SimulatorTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalog operation has a handler, and a request to each operation's path reaches that handler: whatever it
 * answers (a record, a validation error, a 404 for the made-up id), it is never "no route" nor "no handler".
 */
class CatalogServedTest extends SimulatorTestBase {

    @Test
    void everyCatalogOperationHasAHandler() {
        assertThat(simulator.unservedOperations()).isEmpty();
    }

    @Test
    void everyCatalogOperationIsRoutedToItsHandler() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> unrouted = new ArrayList<>();
        for (KapsoOperation op : KapsoCatalog.get().operations()) {
            String path = op.path();
            for (String p : op.pathParams()) {
                path = path.replace("{" + p + "}", p.equals("phone_number_id") ? SimulatorConfig.DEFAULT_PHONE_NUMBER_ID
                        : p.equals("business_account_id") ? SimulatorConfig.DEFAULT_BUSINESS_ACCOUNT_ID : "x" + p);
            }
            String base = op.base() == KapsoOperation.Base.PLATFORM ? "/platform/v1"
                    : op.base() == KapsoOperation.Base.META ? "/meta/whatsapp/v24.0" : "/meta/whatsapp";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + base + path))
                    .header("X-API-Key", SimulatorConfig.DEFAULT_API_KEY).header("Content-Type", "application/json");
            request.method(op.method(), op.body() == KapsoOperation.BodyKind.NONE
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 501 || answer.body().contains("No route matches") || answer.body().contains("Unknown path components")) {
                unrouted.add(op.id() + " -> " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(unrouted).isEmpty();
        System.out.println("Simulator serves " + KapsoCatalog.get().size() + " of " + KapsoCatalog.get().size() + " catalog operations");
    }
}
