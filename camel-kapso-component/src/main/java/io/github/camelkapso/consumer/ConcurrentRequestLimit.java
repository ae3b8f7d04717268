package io.github.camelkapso.consumer;

import java.util.concurrent.Semaphore;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one HTTP consumer handle at most so many requests at once. Camel's platform-http runs every consumer's
 * processor on the server's shared worker pool (Vert.x: 20 threads by default) and holds a thread until the route is
 * done, so one slow route could take every thread and starve the other endpoints. Past its limit a consumer answers
 * 503 with {@code Retry-After} at once instead of queueing; the pool keeps threads for the other endpoints as long as
 * the limits of the consumers on one server add up to less than its size.
 */
public final class ConcurrentRequestLimit implements Processor {

    /** Seconds a caller turned away is told to wait. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentRequestLimit.class);

    private final Processor handler;
    private final int limit;
    private final Semaphore permits;
    private final RejectedRequestLog rejections;

    /**
     * @param handler what answers the requests let through
     * @param limit   requests handled at once, at least 1
     * @param name    the consumer, for the log
     */
    public ConcurrentRequestLimit(Processor handler, int limit, String name) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + limit);
        }
        this.handler = handler;
        this.limit = limit;
        this.permits = new Semaphore(limit);
        this.rejections = new RejectedRequestLog(LOG, name);
    }

    @Override
    public void process(Exchange request) throws Exception {
        if (!permits.tryAcquire()) {
            String reason = "Busy: " + limit + " requests already in progress; retry later";
            rejections.refused(503, reason);
            Message out = request.getMessage();
            out.getHeaders().clear();
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
            out.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            out.setBody(reason);
            return;
        }
        try {
            handler.process(request);
        } finally {
            permits.release();
        }
    }
}
