package io.github.camelkapso.producer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.KapsoClient;
import io.github.camelkapso.client.KapsoRequest;
import io.github.camelkapso.health.KapsoProducerHealthCheck;
import io.github.camelkapso.producer.body.RequestBodyEncoders;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls the endpoint's Kapso operation (or the one named by the {@code CamelKapsoOperation} header) through the
 * endpoint's {@link KapsoClient}, without blocking: the exchange becomes a request, the answer goes back on the
 * exchange, and the callback completes from the HTTP client's completion on every path.
 */
public class KapsoProducer extends DefaultAsyncProducer {

    private final KapsoEndpoint endpoint;
    private RequestFactory requests;
    private ResultWriter writer;
    private WritableHealthCheckRepository healthChecks;
    private KapsoProducerHealthCheck healthCheck;

    public KapsoProducer(KapsoEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requests = new RequestFactory(endpoint, new RequestBodyEncoders(endpoint.getComponent().getObjectMapper()));
        writer = new ResultWriter(endpoint.getComponent().getObjectMapper(), endpoint.getConfiguration());
        // health checks are optional: register only where the context has the producers repository
        healthChecks = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new KapsoProducerHealthCheck(endpoint);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> call;
        try {
            KapsoOperation op = operationOf(exchange);
            KapsoRequest request = requests.prepare(op, exchange);
            KapsoClient client = endpoint.getClient();
            if (endpoint.getConfiguration().isAutoPaginate() && op.pagination() != KapsoOperation.Pagination.NONE) {
                call = client.pages(request, endpoint.getConfiguration().getMaxPages())
                        .thenAccept(pages -> write(() -> writer.writeAll(exchange, op, pages)));
            } else {
                call = client.call(request).thenAccept(response -> write(() -> writer.write(exchange, op, response)));
            }
        } catch (Throwable e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(KapsoClient.causeOf(error));
            }
            callback.done(false);
        });
        return false;
    }

    private KapsoOperation operationOf(Exchange exchange) {
        String override = exchange.getMessage().getHeader(KapsoConstants.OPERATION, String.class);
        if (override == null || override.equals(endpoint.getOperation())) {
            return endpoint.getCatalogOperation();
        }
        return endpoint.getComponent().getCatalog().require(override);
    }

    private static void write(ThrowingRunnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
