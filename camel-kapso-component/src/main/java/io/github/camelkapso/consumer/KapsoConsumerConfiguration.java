package io.github.camelkapso.consumer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options shared by the HTTP consumers (signed webhooks and the Flows data endpoint). */
@UriParams
public class KapsoConsumerConfiguration implements Cloneable {

    @UriParam(label = "consumer", description = "HTTP path the consumer serves on Camel's platform-http server; defaults to"
                                                + " /kapso/webhooks for kapso:webhook and /kapso/flows for kapso:flowsDataEndpoint.")
    private String path;
    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "Largest request body accepted, in bytes; a bigger one is answered 413 and never reaches the route.")
    private int maxBodySize = 1024 * 1024;

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
