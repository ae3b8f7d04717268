package io.github.camelkapso.consumer.flows;

import org.apache.camel.spi.UriParams;

/** Options of the flows consumer. */
@UriParams
public class KapsoFlowsConfiguration implements Cloneable {

    public KapsoFlowsConfiguration copy() {
        try {
            return (KapsoFlowsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
