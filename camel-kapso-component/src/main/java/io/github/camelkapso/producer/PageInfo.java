package io.github.camelkapso.producer;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Paging facts of one answer, from the body ({@code paging.cursors}, {@code meta}) or Kapso's X-Total headers.
 *
 * @param nextCursor     cursor of the next page (Graph {@code cursors.after}, Platform {@code paging.next})
 * @param previousCursor cursor of the previous page
 * @param moreAfter      whether the answer says there is a next page
 * @param page           current page, page pagination only
 * @param totalPages     total pages, page pagination only
 * @param totalCount     total items, when known
 */
record PageInfo(String nextCursor, String previousCursor, boolean moreAfter, Integer page, Integer totalPages, Long totalCount) {

    static PageInfo read(JsonNode body, HttpHeaders headers) {
        JsonNode paging = body == null ? null : body.path("paging");
        String after = null;
        String before = null;
        boolean more = false;
        if (paging != null && paging.isObject()) {
            after = text(paging.path("cursors").path("after"));
            before = text(paging.path("cursors").path("before"));
            JsonNode next = paging.get("next");
            if (next != null && next.isTextual() && !next.asText().isEmpty()) {
                more = true;
                if (after == null && !next.asText().startsWith("http")) {
                    after = next.asText();
                }
            } else if (next == null) {
                more = after != null;
            }
            JsonNode previous = paging.get("previous");
            if (before == null && previous != null && previous.isTextual() && !previous.asText().startsWith("http")) {
                before = previous.asText();
            }
        }
        JsonNode meta = body == null ? null : body.path("meta");
        Integer page = integer(meta, "page", "current_page");
        Integer totalPages = integer(meta, "total_pages");
        Long totalCount = meta != null && meta.path("total_count").isNumber() ? meta.path("total_count").asLong() : null;
        if (page == null) {
            page = headers.firstValue("X-Page").map(Integer::valueOf).orElse(null);
        }
        if (totalPages == null) {
            totalPages = headers.firstValue("X-Total-Pages").map(Integer::valueOf).orElse(null);
        }
        if (totalCount == null) {
            totalCount = headers.firstValue("X-Total").map(Long::valueOf).orElse(null);
        }
        return new PageInfo(after, before, more, page, totalPages, totalCount);
    }

    private static Integer integer(JsonNode meta, String... names) {
        if (meta == null) {
            return null;
        }
        for (String n : names) {
            if (meta.path(n).isNumber()) {
                return meta.path(n).asInt();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
