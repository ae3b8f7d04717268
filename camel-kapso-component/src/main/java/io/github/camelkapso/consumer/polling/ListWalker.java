package io.github.camelkapso.consumer.polling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.producer.KapsoListFetcher;

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

    private final KapsoListFetcher fetcher;
    private final int maxPages;

    ListWalker(KapsoListFetcher fetcher, int maxPages) {
        this.fetcher = fetcher;
        this.maxPages = Math.max(1, maxPages);
    }

    /**
     * @param query      query parameters on top of the endpoint's
     * @param enoughRead given the items of the page just read and of the whole walk, whether to stop
     */
    Walk walk(Map<String, String> query, StopCondition enoughRead) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        KapsoListFetcher.PageRequest request = fetcher.firstPage(query);
        int pages = 0;
        while (true) {
            KapsoListFetcher.Page page = await(request);
            pages++;
            items.addAll(page.items());
            Optional<KapsoListFetcher.PageRequest> next = page.next();
            if (next.isEmpty() || page.items().isEmpty() || enoughRead.test(page.items(), items)) {
                return new Walk(items, pages, false);
            }
            if (pages >= maxPages) {
                return new Walk(items, pages, true);
            }
            request = next.get();
        }
    }

    private KapsoListFetcher.Page await(KapsoListFetcher.PageRequest request) throws Exception {
        try {
            return fetcher.fetch(request).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
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
