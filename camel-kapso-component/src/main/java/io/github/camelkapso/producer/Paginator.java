package io.github.camelkapso.producer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.error.KapsoPaginationException;
import io.github.camelkapso.error.KapsoRequestException;

/**
 * Follows cursor, page or offset pagination until the last page or {@code maxPages}, collecting the items. A cursor
 * or page number Kapso hands back twice stops it with an error rather than looping.
 */
final class Paginator {

    static final int DEFAULT_OFFSET_LIMIT = 100;

    /** All items fetched, the last answer, and whether {@code maxPages} cut the walk short. */
    record Result(List<JsonNode> items, int pages, Answer last, boolean truncated) {
    }

    private final HttpCaller caller;
    private final AnswerReader reader;
    private final int maxPages;

    Paginator(HttpCaller caller, AnswerReader reader, int maxPages) {
        this.caller = caller;
        this.reader = reader;
        this.maxPages = Math.max(1, maxPages);
    }

    CompletableFuture<Result> fetchAll(PreparedCall first) {
        PreparedCall start = first;
        if (first.operation().pagination() == KapsoOperation.Pagination.OFFSET && !first.query().containsKey("limit")) {
            start = first.withQuery("limit", String.valueOf(DEFAULT_OFFSET_LIMIT));
        }
        return step(start, new Walk());
    }

    private CompletableFuture<Result> step(PreparedCall call, Walk walk) {
        return caller.call(call).thenCompose(reply -> {
            Answer answer;
            try {
                answer = reader.read(call.operation(), reply);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            walk.items.addAll(answer.items());
            walk.pages++;
            Optional<PreparedCall> next;
            try {
                next = next(call, answer, walk);
            } catch (KapsoPaginationException | KapsoRequestException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (next.isEmpty() || walk.pages >= maxPages) {
                return CompletableFuture.completedFuture(new Result(walk.items, walk.pages, answer, next.isPresent()));
            }
            return step(next.get(), walk);
        });
    }

    private Optional<PreparedCall> next(PreparedCall call, Answer answer, Walk walk) {
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
                int current = page.page() != null ? page.page()
                        : intParam(call, "page", 1);
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

    private static int intParam(PreparedCall call, String name, int fallback) {
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

    private static final class Walk {
        final List<JsonNode> items = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        int pages;
        boolean nextLinks;
    }
}
