package io.github.camelkapso.client;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoPaginationException;
import io.github.camelkapso.error.KapsoRequestException;

/**
 * The one rule for stepping through cursor, page or offset pagination: given a page's request and answer, the request
 * of the next page, if any. A cursor or page number Kapso hands back twice stops the walk with an error rather than
 * looping.
 */
final class PageStepper {

    static final int DEFAULT_OFFSET_LIMIT = 100;

    private PageStepper() {
    }

    /** The first page's request: an offset list without {@code limit} gets the default one, so steps can be counted. */
    static KapsoRequest first(KapsoRequest request) {
        if (request.operation().pagination() == KapsoOperation.Pagination.OFFSET && !request.query().containsKey("limit")) {
            return request.withQuery("limit", String.valueOf(DEFAULT_OFFSET_LIMIT));
        }
        return request;
    }

    /**
     * @param  walk                     what the walk has seen so far; {@code call} is its page number {@code walk.pages}
     * @throws KapsoPaginationException when Kapso hands back a cursor or page a second time
     * @throws KapsoRequestException    when a page, limit or offset parameter is not an integer
     */
    static Optional<KapsoRequest> next(KapsoRequest call, KapsoResponse answer, Walk walk) {
        KapsoOperation op = call.operation();
        PageInfo page = answer.page();
        switch (op.pagination()) {
            case CURSOR: {
                if (walk.pages == 1 && call.query().get("after") != null) {
                    walk.seen.add("cursor:" + call.query().get("after"));
                }
                walk.nextLinks |= page.nextLinks();
                boolean more;
                if (walk.nextLinks) {
                    // Graph/Platform: paging.next decides, even over an empty page ("stop when next no longer appears")
                    more = page.nextLinks() && page.moreAfter();
                } else {
                    // Kapso-stored lists: cursors.after alone; an empty page ends the walk too
                    more = page.moreAfter() && !answer.items().isEmpty();
                }
                String cursor = page.nextCursor();
                if (!more || cursor == null) {
                    return Optional.empty();
                }
                if (!walk.seen.add("cursor:" + cursor)) {
                    throw repeated(op, "cursor " + shorten(cursor), walk.pages);
                }
                return Optional.of(call.withQuery("after", cursor).withQuery("before", null));
            }
            case PAGE: {
                int current = page.page() != null ? page.page() : intParam(call, "page", 1);
                if (!walk.seen.add("page:" + current)) {
                    throw repeated(op, "page " + current, walk.pages);
                }
                Integer total = page.totalPages();
                if (total == null ? answer.items().isEmpty() : current >= total) {
                    return Optional.empty();
                }
                return Optional.of(call.withQuery("page", String.valueOf(current + 1)));
            }
            case OFFSET: {
                if (answer.items().isEmpty()) {
                    return Optional.empty();
                }
                int limit = intParam(call, "limit", DEFAULT_OFFSET_LIMIT);
                if (answer.items().size() < limit) {
                    return Optional.empty();
                }
                int offset = intParam(call, "offset", 0) + answer.items().size();
                return Optional.of(call.withQuery("offset", String.valueOf(offset)));
            }
            default:
                return Optional.empty();
        }
    }

    /**
     * The query parameter a page size goes in: {@code limit} for cursor lists (one that still accepts legacy
     * {@code per_page}, listProjectContacts, would switch to page answers without cursors), else {@code per_page}, else
     * whichever of the two the operation has; empty when it has neither.
     */
    static Optional<String> pageSizeParameter(KapsoOperation op) {
        String preferred = op.pagination() == KapsoOperation.Pagination.CURSOR ? "limit" : "per_page";
        String other = preferred.equals("limit") ? "per_page" : "limit";
        if (op.queryParam(preferred).isPresent()) {
            return Optional.of(preferred);
        }
        return op.queryParam(other).isPresent() ? Optional.of(other) : Optional.empty();
    }

    private static int intParam(KapsoRequest call, String name, int fallback) {
        String value = call.query().get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new KapsoRequestException("Query parameter '" + name + "' of " + call.operation().id()
                                            + " must be an integer to paginate, got '" + value + "'");
        }
    }

    private static KapsoPaginationException repeated(KapsoOperation op, String what, int pages) {
        return new KapsoPaginationException("Kapso handed back " + what + " twice while paginating " + op.id()
                                            + "; stopped after " + pages + " page(s) instead of looping");
    }

    private static String shorten(String cursor) {
        return cursor.length() <= 24 ? cursor : cursor.substring(0, 24) + "...";
    }

    /** What one walk over a list has seen: the cursors and pages handed back, pages read, the cursor dialect. */
    static final class Walk {
        final Set<String> seen = new HashSet<>();
        int pages;
        boolean nextLinks;
    }
}
