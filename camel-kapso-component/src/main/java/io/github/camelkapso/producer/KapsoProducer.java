package io.github.camelkapso.producer;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.producer.body.RequestBodyEncoders;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls the endpoint's Kapso operation (or the one named by the {@code CamelKapsoOperation} header) without blocking:
 * the callback is completed from the HTTP client's completion, on every path, success or failure.
 */
public class KapsoProducer extends DefaultAsyncProducer {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final KapsoEndpoint endpoint;
    private RequestFactory requests;
    private HttpCaller caller;
    private AnswerReader reader;
    private Paginator paginator;
    private ResultWriter writer;

    public KapsoProducer(KapsoEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KapsoConfiguration cfg = endpoint.getConfiguration();
        requests = new RequestFactory(endpoint, new RequestBodyEncoders(MAPPER));
        caller = new HttpCaller(endpoint.getComponent().getHttpClient(), cfg, endpoint.getComponent().getSendThrottle());
        reader = new AnswerReader(MAPPER, endpoint.getComponent().getCallStats(), cfg.getApiKey());
        paginator = new Paginator(caller, reader, cfg.getMaxPages());
        writer = new ResultWriter(MAPPER, cfg);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> call;
        try {
            KapsoOperation op = operationOf(exchange);
            PreparedCall prepared = requests.prepare(op, exchange);
            if (endpoint.getConfiguration().isAutoPaginate() && op.pagination() != KapsoOperation.Pagination.NONE) {
                call = paginator.fetchAll(prepared).thenAccept(result -> write(() -> writer.writeAll(exchange, op, result)));
            } else {
                call = caller.call(prepared).thenAccept(reply -> write(() -> writer.write(exchange, op, reader.read(op, reply))));
            }
        } catch (Throwable e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                Throwable cause = HttpCaller.unwrap(error);
                if (cause instanceof io.github.camelkapso.error.KapsoTransportException t) {
                    endpoint.getComponent().getCallStats().record(t.getOperationId(), 0);
                }
                exchange.setException(cause);
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
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
