package io.github.camelkapso.consumer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options shared by the HTTP consumers (signed webhooks and the Flows data endpoint). */
@UriParams
public class KapsoConsumerConfiguration implements Cloneable {

    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 8;

    @UriParam(label = "consumer", description = "HTTP path the consumer serves on Camel's platform-http server; defaults to"
                                                + " /kapso/webhooks for kapso:webhook and /kapso/flows for kapso:flowsDataEndpoint.")
    private String path;
    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "Largest request body accepted, in bytes; a bigger one is answered 413 and never reaches the route."
                                + " Set the platform-http server's own body limit no larger than this (KapsoHttpServer does):"
                                + " the server buffers a body before the consumer sees it, and the consumer warns at start"
                                + " when the server accepts more.")
    private int maxBodySize = DEFAULT_MAX_BODY_SIZE;
    @UriParam(label = "consumer", defaultValue = "8",
              description = "Requests this consumer handles at once; more are answered 503 with Retry-After at once"
                                + " (Kapso retries a webhook delivery, WhatsApp shows a Flow error). The platform-http"
                                + " server runs every consumer on one shared worker pool (Vert.x: 20 threads by default),"
                                + " so keep the sum over the consumers of one server below its size: a slow route then"
                                + " never delays another endpoint.")
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;

    public KapsoConsumerConfiguration copy() {
        try {
            return (KapsoConsumerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }
}
