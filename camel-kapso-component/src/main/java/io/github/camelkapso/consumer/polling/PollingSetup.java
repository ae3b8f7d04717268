package io.github.camelkapso.consumer.polling;

import java.util.List;
import java.util.Map;

import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.ParameterNames;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.PollProfile;
import io.github.camelkapso.client.KapsoClient;

/**
 * Checks a polling endpoint's options before the first poll and resolves what polling needs from them: the profile of
 * the operation, where the first poll starts and the default state key. Every mistake fails the route start with a
 * message naming the option.
 *
 * @param profile         how the list is followed
 * @param since           where the first poll starts when nothing is stored, or null for the whole list
 * @param defaultStateKey the state key derived from the endpoint's parameters
 * @param pageSizeParam   the operation's page-size query parameter (limit or per_page), or null
 */
record PollingSetup(PollProfile profile, OrderValue since, String defaultStateKey, String pageSizeParam) {

    static final String DEFAULT_ORDER_COLUMN = "created_at";

    /** Page positions the consumer moves itself; set on the URI they would pin every poll to one place. */
    private static final List<String> POSITIONS = List.of("after", "before", "page", "offset");

    static PollingSetup check(KapsoEndpoint endpoint) {
        KapsoOperation op = endpoint.getCatalogOperation();
        KapsoPollingConfiguration cfg = endpoint.getPollingConfiguration();
        String prefix = "kapso:" + op.id() + " as a polling consumer: ";
        boolean queryRows = op.pollProfile().map(PollProfile::consumerSorts).orElse(false);
        Map<String, String> uri = endpoint.getOperationParameters();
        for (String position : POSITIONS) {
            if (uri.containsKey(position)) {
                throw new IllegalArgumentException(prefix + "remove option " + ParameterNames.optionName(position)
                                                   + ": the consumer pages through the list itself, from the newest item"
                                                   + " to its watermark");
            }
        }
        if (cfg.getPollOrderColumn() != null && !queryRows) {
            throw new IllegalArgumentException(prefix + "pollOrderColumn applies to queryRows only; " + op.id()
                                               + " is ordered by Kapso");
        }
        if (cfg.getPollLookback() < 0) {
            throw new IllegalArgumentException(prefix + "pollLookback must be 0 or more milliseconds, got " + cfg.getPollLookback());
        }
        if (cfg.getPollMaxPages() < 1) {
            throw new IllegalArgumentException(prefix + "pollMaxPages must be at least 1, got " + cfg.getPollMaxPages());
        }
        String orderColumn = null;
        if (queryRows) {
            orderColumn = cfg.getPollOrderColumn() != null && !cfg.getPollOrderColumn().isBlank()
                    ? cfg.getPollOrderColumn().trim() : DEFAULT_ORDER_COLUMN;
            checkQueryRows(endpoint, prefix, orderColumn);
        }
        String column = orderColumn;
        PollProfile profile = op.pollProfile().map(p -> p.consumerSorts() ? p.orderedOn(column) : p).orElseThrow(() -> new IllegalArgumentException(
                prefix + "no polling profile is known for this operation; pollable operations are "
                + endpoint.getComponent().getCatalog().pollableIds()));
        OrderValue since = null;
        if (cfg.getPollSince() != null && !cfg.getPollSince().isBlank()) {
            since = OrderValue.parse(cfg.getPollSince(), profile.values());
            if (since == null) {
                throw new IllegalArgumentException(prefix + "pollSince '" + cfg.getPollSince()
                                                   + "' is not an ISO-8601 time with a zone (2024-05-01T10:00:00Z) nor"
                                                   + " Unix seconds");
            }
        }
        return new PollingSetup(profile, since, StateKeys.derive(endpoint, orderColumn),
                KapsoClient.pageSizeParameter(op).orElse(null));
    }

    private static void checkQueryRows(KapsoEndpoint endpoint, String prefix, String orderColumn) {
        if (endpoint.getOperationParameters().containsKey("order")) {
            throw new IllegalArgumentException(prefix + "remove option order: the consumer orders rows by pollOrderColumn ("
                                               + orderColumn + ") ascending");
        }
        Map<String, Object> filters = endpoint.getConfiguration().getFilters();
        if (filters != null && filters.containsKey(orderColumn)) {
            throw new IllegalArgumentException(prefix + "filter." + orderColumn + " conflicts with the watermark filter the"
                                               + " consumer puts on " + orderColumn + " (pollOrderColumn); filter other"
                                               + " columns, or use pollSince to start later");
        }
        if (endpoint.getPollingConfiguration().getPollLookback() > 0) {
            throw new IllegalArgumentException(prefix + "pollLookback applies to the time-ordered Kapso lists; queryRows"
                                               + " filters " + orderColumn + " with the column's own values");
        }
    }
}
