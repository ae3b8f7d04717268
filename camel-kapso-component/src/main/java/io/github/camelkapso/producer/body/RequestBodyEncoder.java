package io.github.camelkapso.producer.body;

import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.client.EncodedBody;
import org.apache.camel.Exchange;

/** Turns the message body into what an operation sends. */
public interface RequestBodyEncoder {

    EncodedBody encode(KapsoOperation operation, Exchange exchange) throws Exception;
}
