package io.github.camelkapso.consumer.webhook;

import org.apache.camel.spi.UriParams;

/** Options of the webhook consumer. */
@UriParams
public class KapsoWebhookConfiguration implements Cloneable {

    public KapsoWebhookConfiguration copy() {
        try {
            return (KapsoWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
