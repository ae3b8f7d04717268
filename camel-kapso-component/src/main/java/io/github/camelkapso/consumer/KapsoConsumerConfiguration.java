package io.github.camelkapso.consumer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options shared by the HTTP consumers (signed webhooks and the Flows data endpoint). */
@UriParams
public class KapsoConsumerConfiguration implements Cloneable {

    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

    @UriParam(label = "consumer", description = "HTTP path the consumer serves on Camel's platform-http server; defaults to"
                                                + " /kapso/webhooks for kapso:webhook and /kapso/flows for kapso:flowsDataEndpoint.")
    private String path;
    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "Largest request body accepted, in bytes; a bigger one is answered 413 and never reaches the route."
                                + " Set the platform-http server's own body limit no larger than this (KapsoHttpServer does):"
                                + " the server buffers a body before the consumer sees it, and the consumer warns at start"
                                + " when the server accepts more.")
    private int maxBodySize = DEFAULT_MAX_BODY_SIZE;

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
}
