package io.github.camelkapso.client;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.error.KapsoTransportException;

/**
 * Calls Kapso operations over HTTP, without blocking and without Camel: one {@link KapsoRequest} in, a
 * {@link CompletableFuture} of its {@link KapsoResponse} out. Behind it: the per-number send throttle, retries as the
 * {@link RetryPolicy} allows (honouring Retry-After, with jitter), error answers mapped to typed
 * {@link io.github.camelkapso.error.KapsoApiException}s with any echo of the API key masked, and pagination.
 * <p>
 * Futures complete exceptionally with the typed exceptions of {@code io.github.camelkapso.error}, wrapped in a
 * {@link CompletionException} when a later stage saw them; {@link #causeOf(Throwable)} unwraps.
 */
public final class KapsoClient {

    private final KapsoClientSettings settings;
    private final HttpCaller caller;
    private final ResponseReader reader;
    private final KapsoCallStats stats;

    /**
     * @param http     the JDK client to send with (its executor runs the completions)
     * @param throttle the send throttle, shared by every client that sends on the same numbers
     * @param stats    where calls are counted, shared with the health check
     */
    public KapsoClient(KapsoClientSettings settings, HttpClient http, SendThrottle throttle, KapsoCallStats stats,
                       ObjectMapper mapper) {
        this.settings = settings;
        this.caller = new HttpCaller(http, settings, throttle);
        this.reader = new ResponseReader(mapper, stats, settings.apiKey());
        this.stats = stats;
    }

    public KapsoClientSettings settings() {
        return settings;
    }

    /** What this client saw of Kapso (calls, failures, the last outcome, rate-limit headers). */
    public KapsoCallStats stats() {
        return stats;
    }

    /** Sends one request; a list answer's items are in {@link KapsoResponse#items()}. */
    public CompletableFuture<KapsoResponse> call(KapsoRequest request) {
        CompletableFuture<HttpCaller.Reply> sent;
        try {
            sent = caller.call(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sent.handle((reply, error) -> {
            if (error != null) {
                Throwable cause = causeOf(error);
                if (cause instanceof KapsoTransportException) {
                    stats.record(request.operation().id(), 0);
                }
                throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            }
            try {
                return reader.read(request.operation(), reply);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The first page of a walk over a list operation; does no I/O. */
    public KapsoPageRequest firstPage(KapsoRequest request) {
        return new KapsoPageRequest(PageStepper.first(request), 1, new PageStepper.Walk());
    }

    /** Fetches one page and works out the request for the next one. */
    public CompletableFuture<KapsoPage> page(KapsoPageRequest request) {
        return call(request.request()).thenApply(response -> {
            PageStepper.Walk walk = request.walk;
            walk.pages = request.number();
            Optional<KapsoRequest> next = PageStepper.next(request.request(), response, walk);
            return new KapsoPage(response, request.number(),
                    next.map(n -> new KapsoPageRequest(n, request.number() + 1, walk)).orElse(null));
        });
    }

    /** Walks a list operation until its last page or {@code maxPages}, collecting the items. */
    public CompletableFuture<KapsoPages> pages(KapsoRequest request, int maxPages) {
        return collect(firstPage(request), Math.max(1, maxPages), new ArrayList<>());
    }

    private CompletableFuture<KapsoPages> collect(KapsoPageRequest request, int maxPages, List<JsonNode> items) {
        return page(request).thenCompose(page -> {
            items.addAll(page.items());
            Optional<KapsoPageRequest> next = page.next();
            if (next.isEmpty() || page.number() >= maxPages) {
                return CompletableFuture.completedFuture(new KapsoPages(items, page.number(), page.response(), next.isPresent()));
            }
            return collect(next.get(), maxPages, items);
        });
    }

    /** The query parameter a page size goes in for this operation ({@code limit} or {@code per_page}), if it has one. */
    public static Optional<String> pageSizeParameter(io.github.camelkapso.catalog.KapsoOperation operation) {
        return PageStepper.pageSizeParameter(operation);
    }

    /** The failure inside the {@link CompletionException} layers of a future chain. */
    public static Throwable causeOf(Throwable error) {
        return HttpCaller.unwrap(error);
    }
}
