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
            } catch (KapsoPaginationException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (next.isEmpty() || walk.pages >= maxPages) {
                return CompletableFuture.completedFuture(new Result(walk.items, walk.pages, answer, next.isPresent()));
            }
            return step(next.get(), walk);
        });
    }

    private Optional<PreparedCall> next(PreparedCall call, Answer answer, Walk walk) {
        if (answer.items().isEmpty()) {
            return Optional.empty();
        }
        KapsoOperation op = call.operation();
        switch (op.pagination()) {
            case CURSOR: {
                String cursor = answer.page().nextCursor();
                if (!answer.page().moreAfter() || cursor == null) {
                    return Optional.empty();
                }
                if (!walk.seen.add("cursor:" + cursor)) {
                    throw repeated(op, "cursor " + shorten(cursor), walk.pages);
                }
                return Optional.of(call.withQuery("after", cursor).withQuery("before", null));
            }
            case PAGE: {
                int current = answer.page().page() != null ? answer.page().page()
                        : Integer.parseInt(call.query().getOrDefault("page", "1"));
                if (!walk.seen.add("page:" + current)) {
                    throw repeated(op, "page " + current, walk.pages);
                }
                Integer total = answer.page().totalPages();
                if (total != null && current >= total) {
                    return Optional.empty();
                }
                return Optional.of(call.withQuery("page", String.valueOf(current + 1)));
            }
            case OFFSET: {
                int limit = Integer.parseInt(call.query().get("limit"));
                if (answer.items().size() < limit) {
                    return Optional.empty();
                }
                int offset = Integer.parseInt(call.query().getOrDefault("offset", "0")) + answer.items().size();
                return Optional.of(call.withQuery("offset", String.valueOf(offset)));
            }
            default:
                return Optional.empty();
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
    }
}
