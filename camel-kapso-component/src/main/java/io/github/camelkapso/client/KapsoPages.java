package io.github.camelkapso.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The items of a walk over a list operation, from {@link KapsoClient#pages(KapsoRequest, int)}.
 *
 * @param items     all items fetched, in order
 * @param pages     how many pages were read
 * @param last      the last page's answer (its paging facts say where the walk stopped)
 * @param truncated whether the page limit ended the walk while Kapso still announced a next page
 */
public record KapsoPages(List<JsonNode> items, int pages, KapsoResponse last, boolean truncated) {

    public KapsoPages {
        items = List.copyOf(items);
    }
}
