package io.github.camelkapso.consumer.polling;

import org.apache.camel.spi.UriParams;

/** Options of the polling consumer. */
@UriParams
public class KapsoPollingConfiguration implements Cloneable {

    public KapsoPollingConfiguration copy() {
        try {
            return (KapsoPollingConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
