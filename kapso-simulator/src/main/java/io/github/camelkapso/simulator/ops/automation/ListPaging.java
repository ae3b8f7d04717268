package io.github.camelkapso.simulator.ops.automation;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;
import io.github.camelkapso.simulator.http.SimRequest;
import io.github.camelkapso.simulator.http.SimResponse;
import io.github.camelkapso.simulator.paging.Paging;
import io.github.camelkapso.simulator.state.SimState;
import io.github.camelkapso.simulator.state.Store;

/**
 * Lists Kapso serves in both paging styles (envelopes.md): cursor (limit/after/before, {@code paging}) and legacy
 * page/per_page ({@code meta} with has_next, X-Total headers, page at most 50). A legacy answer also carries the
 * cursor {@code paging} of its page, so cursor-following clients can go on from it.
 */
final class ListPaging {

    static final int MAX_LEGACY_PAGE = 50;

    private ListPaging() {
    }

    /**
     * @param legacyByDefault whether a request with neither style's parameters gets the legacy answer (agent
     *                        sessions) or the cursor one (workflow executions)
     */
    static SimResponse answer(SimRequest r, List<Store.Entry> entries, String timeField, boolean legacyByDefault) {
        boolean cursor = r.query("limit") != null || r.query("after") != null || r.query("before") != null;
        boolean legacy = r.query("page") != null || r.query("per_page") != null;
        if (cursor || !legacy && !legacyByDefault) {
            return Paging.cursor(r, entries, timeField, false, 20, 100);
        }
        int page = r.intQuery("page", 1, 1, Integer.MAX_VALUE);
        if (page > MAX_LEGACY_PAGE) {
            ObjectNode body = SimState.object();
            body.put("message", "legacy_offset_pagination_limit_exceeded");
            body.put("detail", "page may be at most " + MAX_LEGACY_PAGE + "; use cursor pagination (limit, after, before) to go further");
            throw ApiError.raw(400, body);
        }
        SimResponse answer = Paging.page(r, entries, 100);
        ObjectNode body = (ObjectNode) answer.json();
        ObjectNode meta = (ObjectNode) body.get("meta");
        int perPage = meta.path("per_page").asInt();
        meta.put("has_next", page < meta.path("total_pages").asInt());
        meta.put("total_count_estimated", false);
        int from = (int) Math.min(entries.size(), (long) (page - 1) * perPage);
        body.set("paging", Paging.cursor(r, entries.subList(from, entries.size()), timeField, false, perPage,
                Math.max(perPage, 100)).json().get("paging"));
        return answer;
    }
}
