package io.github.camelkapso.consumer.polling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.client.KapsoClient;
import io.github.camelkapso.client.KapsoPage;
import io.github.camelkapso.client.KapsoPageRequest;
import io.github.camelkapso.producer.RequestFactory;

/** Walks the pages of a list, newest first as Kapso serves them, until told to stop or out of pages. */
final class ListWalker {

    /**
     * What a walk read.
     *
     * @param items     every item, in the order Kapso listed them
     * @param pages     pages fetched
     * @param truncated whether it stopped at the page limit with more pages left, before the stop condition held
     */
    record Walk(List<JsonNode> items, int pages, boolean truncated) {
    }

    private final KapsoClient client;
    private final RequestFactory requests;
    private final int maxPages;

    ListWalker(KapsoClient client, RequestFactory requests, int maxPages) {
        this.client = client;
        this.requests = requests;
        this.maxPages = Math.max(1, maxPages);
    }

    /**
     * @param query      query parameters on top of the endpoint's
     * @param enoughRead given the items of the page just read and of the whole walk, whether to stop
     */
    Walk walk(Map<String, String> query, StopCondition enoughRead) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        KapsoPageRequest request = client.firstPage(requests.prepare(query));
        int pages = 0;
        while (true) {
            KapsoPage page = await(request);
            pages++;
            items.addAll(page.items());
            Optional<KapsoPageRequest> next = page.next();
            if (next.isEmpty() || page.items().isEmpty() || enoughRead.test(page.items(), items)) {
                return new Walk(items, pages, false);
            }
            if (pages >= maxPages) {
                return new Walk(items, pages, true);
            }
            request = next.get();
        }
    }

    private KapsoPage await(KapsoPageRequest request) throws Exception {
        try {
            return client.page(request).join();
        } catch (CompletionException e) {
            Throwable cause = KapsoClient.causeOf(e);
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** Whether a walk has read enough. */
    @FunctionalInterface
    interface StopCondition {
        boolean test(List<JsonNode> page, List<JsonNode> walked);

        static StopCondition never() {
            return (page, walked) -> false;
        }

        static StopCondition onPage(Predicate<List<JsonNode>> test) {
            return (page, walked) -> test.test(page);
        }
    }
}
