package io.github.camelkapso.consumer.polling;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.KapsoEndpoint;
import io.github.camelkapso.catalog.PollProfile;
import io.github.camelkapso.error.KapsoRateLimitException;
import io.github.camelkapso.error.KapsoRequestException;
import io.github.camelkapso.producer.RequestFactory;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a consumer-capable Kapso list operation and hands each item not seen before to the route as its own exchange,
 * oldest first. A watermark (see {@link PollState}) in a {@link StateRepository} says what was emitted; it moves past an
 * item only once the route has processed it, so a failing item stops the batch and comes again at the next poll, and
 * items held back by maxMessagesPerPoll are not lost. A 429 stops polling until its Retry-After has passed.
 */
public class KapsoPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KapsoPollingConsumer.class);
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int DEFAULT_IDEMPOTENT_CACHE = 1000;

    private final KapsoEndpoint endpoint;
    private final KapsoPollingConfiguration cfg;
    private final RateLimitGate rateLimit = new RateLimitGate();

    private PollingSetup setup;
    private StateRepository<String, String> stateRepository;
    private IdempotentRepository idempotent;
    private PollStateStore store;
    private NewItemSelector selector;
    private ListWalker walker;
    private ItemBodies bodies;
    /** The watermark while a batch runs; only the polling thread touches it. */
    private PollState state;

    public KapsoPollingConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.cfg = endpoint.getPollingConfiguration();
        setMaxMessagesPerPoll(cfg.getMaxMessagesPerPoll());
    }

    @Override
    public KapsoEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        setup = PollingSetup.check(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        stateRepository = cfg.stateRepositoryOrDefault();
        idempotent = cfg.idempotentRepositoryOrDefault(DEFAULT_IDEMPOTENT_CACHE);
        // starting is idempotent; a repository given by the user may be shared, so it is left running on stop
        ServiceHelper.startService(stateRepository, idempotent);
        String key = cfg.getStateKey() != null && !cfg.getStateKey().isBlank() ? cfg.getStateKey() : setup.defaultStateKey();
        store = new PollStateStore(endpoint.getComponent().getObjectMapper(), stateRepository, key, setup.profile().values());
        selector = new NewItemSelector(setup.profile(), Duration.ofMillis(cfg.getPollLookback()), idempotent);
        RequestFactory requests = RequestFactory.forEndpoint(endpoint);
        try {
            requests.prepare(Map.of());
        } catch (KapsoRequestException e) {
            throw new IllegalArgumentException("kapso:" + endpoint.getOperation() + " cannot poll: " + e.getMessage(), e);
        }
        walker = new ListWalker(endpoint.getClient(), requests, cfg.getPollMaxPages());
        bodies = new ItemBodies(endpoint.getComponent().getObjectMapper(), endpoint.getConfiguration().getResponseClass());
        LOG.debug("Polling kapso:{} ordered by {}, state key {}", endpoint.getOperation(), setup.profile().orderField(), key);
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        if (rateLimit.isClosed()) {
            LOG.debug("kapso:{} rate-limited: next request in {} ms", endpoint.getOperation(), rateLimit.remaining().toMillis());
            return 0;
        }
        PollState stored = store.load();
        state = stored != null ? stored : PollState.startingAt(setup.since());
        OrderValue threshold = selector.threshold(state);
        ListWalker.Walk walk;
        try {
            walk = walker.walk(query(threshold), stopCondition(threshold));
        } catch (KapsoRateLimitException e) {
            rateLimit.closeFor(e.getRetryAfter());
            throw e;
        }
        if (walk.truncated() && setup.profile().order() != PollProfile.ListOrder.OLDEST_FIRST) {
            warnTruncated(walk, threshold);
        }
        PollPlan plan = selector.select(walk.items(), state, getMaxMessagesPerPoll());
        if (!plan.leadingDuplicates().isEmpty()) {
            passOver(plan.leadingDuplicates());
        }
        Queue<Object> batch = new ArrayDeque<>();
        for (PollPlan.Emit emit : plan.emits()) {
            batch.add(emit);
        }
        return batch.isEmpty() ? 0 : processBatch(batch);
    }

    @Override
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            PollPlan.Emit emit = (PollPlan.Emit) batch.poll();
            Exchange exchange = createExchange(false);
            try {
                fill(exchange, emit.item(), index);
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
                pendingExchanges = total - index - 1;
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null || exchange.isRollbackOnly()) {
                Throwable cause = exchange.getException();
                getExceptionHandler().handleException("kapso:" + endpoint.getOperation() + " item " + emit.item().id()
                                                      + " failed in the route; the watermark stays before it and it is"
                                                      + " polled again with the items after it",
                        exchange, cause != null ? cause : new IllegalStateException("exchange marked rollback-only"));
                releaseExchange(exchange, false);
                break;
            }
            releaseExchange(exchange, false);
            commit(emit);
            processed++;
        }
        pendingExchanges = 0;
        return processed;
    }

    private void fill(Exchange exchange, PolledItem item, int index) throws Exception {
        Message message = exchange.getMessage();
        message.setBody(bodies.body(item.node()));
        message.setHeader(KapsoConstants.ITEM_INDEX, index);
        message.setHeader(KapsoConstants.RESPONSE_OPERATION, endpoint.getOperation());
        message.setHeader(KapsoConstants.ITEM_ID, item.id());
        message.setHeader(KapsoConstants.ITEM_ORDER_FIELD, setup.profile().orderField());
        JsonNode raw = item.node().get(setup.profile().orderField());
        if (raw != null && raw.isValueNode() && !raw.isNull()) {
            message.setHeader(KapsoConstants.ITEM_ORDER_VALUE, raw.asText());
        }
        message.setHeader(KapsoConstants.POLL_STATE_KEY, store.key());
    }

    /** The route processed the item: move the watermark past it and the duplicates after it, and remember its id. */
    private void commit(PollPlan.Emit emit) {
        PolledItem item = emit.item();
        idempotent.add(item.id());
        PollState next = state.advance(item.value(), item.id());
        for (PolledItem duplicate : emit.duplicatesAfter()) {
            next = next.advance(duplicate.value(), duplicate.id());
        }
        save(next);
    }

    private void passOver(Iterable<PolledItem> duplicates) {
        PollState next = state;
        for (PolledItem duplicate : duplicates) {
            next = next.advance(duplicate.value(), duplicate.id());
        }
        save(next);
    }

    private void save(PollState next) {
        if (!next.equals(state)) {
            store.save(next);
            state = next;
        }
    }

    private Map<String, String> query(OrderValue threshold) {
        Map<String, String> query = new LinkedHashMap<>();
        String sizeParam = setup.pageSizeParam();
        if (sizeParam != null) {
            String size = endpoint.getOperationParameters().get(sizeParam);
            Integer pageSize = endpoint.getConfiguration().getPageSize();
            query.put(sizeParam, size != null ? size : String.valueOf(pageSize != null ? pageSize : DEFAULT_PAGE_SIZE));
        }
        PollProfile profile = setup.profile();
        if (profile.consumerSorts()) {
            query.put("order", profile.orderField() + ".asc");
            if (state.mark() != null) {
                query.put(profile.orderField(), "gte." + state.mark().text());
            }
        } else if (profile.sinceFilter() != null && threshold != null && threshold.isTime()
                   && !endpoint.getOperationParameters().containsKey(profile.sinceFilter())) {
            // a second early, whole seconds: Kapso may compare at second precision, or read "after" as exclusive
            query.put(profile.sinceFilter(), threshold.time().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return query;
    }

    private ListWalker.StopCondition stopCondition(OrderValue threshold) {
        switch (setup.profile().order()) {
            case NEWEST_FIRST:
                if (threshold == null) {
                    return ListWalker.StopCondition.never();
                }
                // a page ending below the watermark: what follows is older still
                return ListWalker.StopCondition.onPage(page -> {
                    for (int i = page.size() - 1; i >= 0; i--) {
                        OrderValue value = OrderValue.of(page.get(i).get(setup.profile().orderField()), setup.profile().values());
                        if (value != null) {
                            return value.compareTo(threshold) < 0;
                        }
                    }
                    return false;
                });
            case OLDEST_FIRST:
                int max = getMaxMessagesPerPoll();
                return max <= 0 ? ListWalker.StopCondition.never()
                        : (page, walked) -> selector.countNew(walked, state) >= max;
            default:
                return ListWalker.StopCondition.never();
        }
    }

    private void warnTruncated(ListWalker.Walk walk, OrderValue threshold) {
        String oldest = walk.items().isEmpty() ? "?" : String.valueOf(walk.items().get(walk.items().size() - 1)
                .get(setup.profile().orderField()));
        if (setup.profile().order() == PollProfile.ListOrder.UNKNOWN) {
            LOG.warn("kapso:{} stopped after pollMaxPages={} pages with more pages left; items on later pages are not"
                     + " seen by this poll. Raise pollMaxPages.", endpoint.getOperation(), walk.pages());
        } else {
            LOG.warn("kapso:{} read pollMaxPages={} pages without reaching {}; items ordered between it and {} (the"
                     + " oldest read) are not emitted. Raise pollMaxPages or set pollSince.", endpoint.getOperation(),
                    walk.pages(), threshold == null ? "the start of the list" : "the watermark " + threshold, oldest);
        }
    }
}
