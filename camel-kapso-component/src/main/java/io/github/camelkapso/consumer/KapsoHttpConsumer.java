package io.github.camelkapso.consumer;

import java.util.Map;

import io.github.camelkapso.KapsoEndpoint;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * What the kapso: HTTP consumers ({@code kapso:webhook}, {@code kapso:flowsDataEndpoint}) share: they serve one path on
 * Camel's platform-http server through a platform-http consumer of their own, bounded by
 * {@code maxConcurrentRequests}, carrying the route id, suspended and resumed with the route, with a warning when the
 * server accepts larger bodies than {@code maxBodySize}, and a readiness check in Camel's consumers repository.
 * Subclasses say which path and build the processor that answers each request.
 */
public abstract class KapsoHttpConsumer extends DefaultConsumer implements Suspendable, HealthCheckAware {

    private Consumer httpConsumer;
    private HealthCheck healthCheck;

    protected KapsoHttpConsumer(KapsoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public KapsoEndpoint getEndpoint() {
        return (KapsoEndpoint) super.getEndpoint();
    }

    /** The HTTP path served, starting with a slash. */
    public abstract String getPath();

    /** Answers every request on the path, writing its {@link HttpAnswer}; built when the consumer starts. */
    protected abstract Processor createRequestProcessor() throws Exception;

    /** platform-http options of the path, e.g. {@code httpMethodRestrict=POST}; empty for none. */
    protected String httpOptions() {
        return "";
    }

    /** Called once the path is served (a webhook registers itself here); a failure stops serving it again. */
    protected void afterServing() throws Exception {
    }

    /** Called before the path stops being served (a webhook deletes its registration here). */
    protected void beforeStop() throws Exception {
    }

    /** What the readiness check shows besides the path: nothing secret. */
    protected Map<String, Object> healthDetails() {
        return Map.of();
    }

    /** How logs name this consumer, e.g. {@code kapso:webhook on /kapso/webhooks}. */
    protected String describe() {
        return "kapso:" + getEndpoint().getOperation() + " on " + getPath();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KapsoConsumerConfiguration cfg = getEndpoint().getConsumerConfiguration();
        Processor answering = new ConcurrentRequestLimit(createRequestProcessor(), cfg.getMaxConcurrentRequests(), describe());
        String options = httpOptions();
        Endpoint http = getEndpoint().getCamelContext().getEndpoint(
                "platform-http:" + getPath() + (options.isEmpty() ? "" : "?" + options));
        httpConsumer = http.createConsumer(answering);
        if (getRouteId() != null && httpConsumer instanceof RouteIdAware aware) {
            aware.setRouteId(getRouteId());
        }
        ServiceHelper.startService(httpConsumer);
        ServerBodyLimit.warnIfLarger(getEndpoint().getCamelContext(), describe(), cfg.getMaxBodySize());
        try {
            afterServing();
        } catch (Exception e) {
            ServiceHelper.stopAndShutdownService(httpConsumer);
            httpConsumer = null;
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        try {
            beforeStop();
        } finally {
            ServiceHelper.stopAndShutdownService(httpConsumer);
            httpConsumer = null;
            super.doStop();
        }
    }

    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(httpConsumer);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(httpConsumer);
        super.doResume();
    }

    /** Null when the component's healthCheckConsumerEnabled is off: Camel's route check then stands alone. */
    @Override
    public synchronized HealthCheck getHealthCheck() {
        if (!getEndpoint().getComponent().isHealthCheckConsumerEnabled()) {
            return null;
        }
        if (healthCheck == null && getRouteId() != null) {
            healthCheck = new KapsoHttpConsumerHealthCheck(this, "consumer:" + getRouteId());
        }
        return healthCheck;
    }

    @Override
    public synchronized void setHealthCheck(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    /** Whether requests are answered now: started and not suspended. */
    boolean isServing() {
        return isStarted() && !isSuspended() && httpConsumer != null;
    }
}
