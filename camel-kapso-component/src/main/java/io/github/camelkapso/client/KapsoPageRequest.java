package io.github.camelkapso.client;

import java.util.Map;

/**
 * A page to fetch with {@link KapsoClient#page(KapsoPageRequest)}: the request, its number within the walk, and what
 * the walk has seen so far (so a cursor handed back twice is caught). Obtain the first with
 * {@link KapsoClient#firstPage(KapsoRequest)}, the following ones from {@link KapsoPage#next()}.
 */
public final class KapsoPageRequest {

    private final KapsoRequest request;
    private final int number;
    final PageStepper.Walk walk;

    KapsoPageRequest(KapsoRequest request, int number, PageStepper.Walk walk) {
        this.request = request;
        this.number = number;
        this.walk = walk;
    }

    public KapsoRequest request() {
        return request;
    }

    /** 1 for the first page of a walk. */
    public int number() {
        return number;
    }

    /** The query parameters the page is fetched with (values unencoded). */
    public Map<String, String> query() {
        return request.query();
    }
}
