package io.github.camelkapso.producer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoConfiguration;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoPaginationException;
import io.github.camelkapso.error.KapsoTransportException;
import io.github.camelkapso.producer.body.RequestBodyEncoders;
import org.apache.camel.Exchange;

/**
 * Fetches the endpoint's list operation one page at a time, for consumers that decide themselves when to stop. Every
 * page goes through the producer's own request building (endpoint options, common ids, filters), HTTP calling (retries,
 * Retry-After), error mapping and page stepping; nothing here talks HTTP on its own.
 */
public final class KapsoListFetcher {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final KapsoEndpoint endpoint;
    private final KapsoOperation operation;
    private final RequestFactory requests;
    private final Paginator onePage;

    public KapsoListFetcher(KapsoEndpoint endpoint) {
        this.endpoint = endpoint;
        this.operation = endpoint.getCatalogOperation();
        if (operation == null) {
            throw new IllegalArgumentException("kapso:" + endpoint.getOperation() + " is not a catalog operation");
        }
        KapsoConfiguration cfg = endpoint.getConfiguration();
        this.requests = new RequestFactory(endpoint, new RequestBodyEncoders(MAPPER));
        HttpCaller caller = new HttpCaller(endpoint.getComponent().getHttpClient(), cfg, endpoint.getComponent().getSendThrottle());
        AnswerReader reader = new AnswerReader(MAPPER, endpoint.getComponent().getCallStats(), cfg.getApiKey());
        // one page per walk: the Paginator reads and checks the answer and says whether another page follows
        this.onePage = new Paginator(caller, reader, 1);
    }

    public KapsoOperation operation() {
        return operation;
    }

    /**
     * The request for the first page, built as the producer builds it from the endpoint, with {@code query} added on
     * top (it wins over endpoint options). Does no I/O, so a missing path parameter fails here.
     */
    public PageRequest firstPage(Map<String, String> query) throws Exception {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(KapsoConstants.QUERY_PARAMETERS, Map.copyOf(query));
        PreparedCall call = requests.prepare(operation, exchange);
        if (operation.pagination() == KapsoOperation.Pagination.CURSOR && call.query().containsKey("limit")
            && call.query().containsKey("per_page") && !query.containsKey("per_page")
            && !endpoint.getOperationParameters().containsKey("per_page")) {
            // pageSize fills per_page where a cursor list also takes legacy pages (project contacts): per_page would
            // switch Kapso to page answers without cursors
            call = call.withQuery("per_page", null);
        }
        return new PageRequest(call, 1, new HashSet<>());
    }

    /** Fetches one page; completes exceptionally with the producer's typed exceptions. */
    public CompletableFuture<Page> fetch(PageRequest request) {
        CompletableFuture<Paginator.Result> answer;
        try {
            answer = onePage.fetchAll(request.call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return answer.handle((result, error) -> {
            if (error != null) {
                Throwable cause = HttpCaller.unwrap(error);
                if (cause instanceof KapsoTransportException t) {
                    endpoint.getComponent().getCallStats().record(t.getOperationId(), 0);
                }
                throw new CompletionException(cause);
            }
            return new Page(result.items(), request.number, next(request, result));
        });
    }

    private PageRequest next(PageRequest request, Paginator.Result result) {
        if (!result.truncated()) {
            return null;
        }
        PreparedCall call = request.call;
        PreparedCall next;
        String marker;
        switch (operation.pagination()) {
            case CURSOR: {
                String cursor = result.last().page().nextCursor();
                if (cursor == null) {
                    return null;
                }
                marker = "cursor " + cursor;
                next = call.withQuery("after", cursor).withQuery("before", null);
                break;
            }
            case PAGE: {
                Integer current = result.last().page().page();
                int page = (current != null ? current : intParam(call, "page", 1)) + 1;
                marker = "page " + page;
                next = call.withQuery("page", String.valueOf(page));
                break;
            }
            case OFFSET: {
                int offset = intParam(call, "offset", 0) + result.items().size();
                marker = "offset " + offset;
                next = call.withQuery("offset", String.valueOf(offset));
                break;
            }
            default:
                return null;
        }
        Set<String> seen = request.seen;
        if (!seen.add(marker)) {
            throw new KapsoPaginationException("Kapso handed back " + (marker.length() > 40 ? marker.substring(0, 40) + "..." : marker)
                                               + " twice while paginating " + operation.id() + "; stopped after "
                                               + request.number + " page(s) instead of looping");
        }
        return new PageRequest(next, request.number + 1, seen);
    }

    private static int intParam(PreparedCall call, String name, int fallback) {
        String value = call.query().get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A page to fetch: the prepared call, its number within the walk, and the cursors or pages the walk has seen. */
    public static final class PageRequest {

        private final PreparedCall call;
        private final int number;
        private final Set<String> seen;

        private PageRequest(PreparedCall call, int number, Set<String> seen) {
            this.call = call;
            this.number = number;
            this.seen = seen;
        }

        /** 1 for the first page of a walk. */
        public int number() {
            return number;
        }

        /** The query parameters the page is fetched with (values unencoded). */
        public Map<String, String> query() {
            return call.query();
        }
    }

    /** One fetched page: its items in the order Kapso listed them, and the request for the next page, if any. */
    public static final class Page {

        private final List<JsonNode> items;
        private final int number;
        private final PageRequest next;

        private Page(List<JsonNode> items, int number, PageRequest next) {
            this.items = List.copyOf(items);
            this.number = number;
            this.next = next;
        }

        public List<JsonNode> items() {
            return items;
        }

        public int number() {
            return number;
        }

        public Optional<PageRequest> next() {
            return Optional.ofNullable(next);
        }
    }
}
