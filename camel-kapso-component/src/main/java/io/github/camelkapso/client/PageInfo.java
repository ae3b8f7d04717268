package io.github.camelkapso.client;

import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Paging facts of one answer, from the body ({@code paging.cursors}, {@code meta}) or Kapso's X-Total headers.
 * <p>
 * Three cursor dialects exist: Graph passthrough lists say "more" with a {@code paging.next} URL (absent on the last
 * page, which still carries {@code cursors.after}); Platform lists give an opaque {@code paging.next} to pass back as
 * {@code after} ({@code null} on the last page); Kapso-stored proxy lists give only {@code cursors.after}, absent on the
 * last page.
 *
 * @param nextCursor     cursor of the next page (Platform {@code paging.next}, else Graph {@code cursors.after})
 * @param previousCursor cursor of the previous page
 * @param moreAfter      whether the answer says there is a next page
 * @param nextLinks      whether the answer signals more pages with {@code paging.next}/{@code previous} rather than by
 *                       the mere presence of {@code cursors.after}
 * @param page           current page, page pagination only
 * @param totalPages     total pages, page pagination only
 * @param totalCount     total items, when known
 */
public record PageInfo(String nextCursor, String previousCursor, boolean moreAfter, boolean nextLinks, Integer page,
                Integer totalPages, Long totalCount) {

    static PageInfo read(JsonNode body, HttpHeaders headers) {
        JsonNode paging = body == null ? null : body.path("paging");
        String after = null;
        String before = null;
        boolean more = false;
        boolean nextLinks = false;
        if (paging != null && paging.isObject()) {
            String cursorAfter = text(paging.path("cursors").path("after"));
            before = text(paging.path("cursors").path("before"));
            JsonNode next = paging.get("next");
            JsonNode previous = paging.get("previous");
            nextLinks = next != null || previous != null;
            if (next != null && next.isTextual() && !next.asText().isEmpty()) {
                more = true;
                // Kapso: "pass paging.next back as after"; a Graph next is a URL, its cursor is cursors.after
                after = isUrl(next.asText()) ? (cursorAfter != null ? cursorAfter : queryParam(next.asText(), "after"))
                        : next.asText();
            } else if (!nextLinks) {
                // Kapso-stored lists: cursors.after alone says there is more
                after = cursorAfter;
                more = after != null;
            }
            if (before == null && previous != null && previous.isTextual() && !previous.asText().isEmpty()) {
                before = isUrl(previous.asText()) ? queryParam(previous.asText(), "before") : previous.asText();
            }
        }
        JsonNode meta = body == null ? null : body.path("meta");
        Integer page = integer(meta, "page", "current_page");
        Integer totalPages = integer(meta, "total_pages");
        Long totalCount = meta != null && meta.path("total_count").isNumber() ? meta.path("total_count").asLong() : null;
        if (page == null) {
            page = asInteger(headerNumber(headers, "X-Page"));
        }
        if (totalPages == null) {
            totalPages = asInteger(headerNumber(headers, "X-Total-Pages"));
        }
        if (totalCount == null) {
            totalCount = headerNumber(headers, "X-Total");
        }
        return new PageInfo(after, before, more, nextLinks, page, totalPages, totalCount);
    }

    /** A numeric response header, or null when it is absent or not a number (a bad header must not fail the call). */
    static Long headerNumber(HttpHeaders headers, String name) {
        String value = headers.firstValue(name).map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer asInteger(Long value) {
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    private static boolean isUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://");
    }

    /** The decoded value of one query parameter of a URL, or null. */
    private static String queryParam(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
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
