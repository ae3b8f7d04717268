package io.github.camelkapso.catalog;

/**
 * An HTTP request header an operation declares, such as {@code Idempotency-Key}.
 *
 * @param name     the header as sent on the wire
 * @param required whether the call fails without it
 */
public record HeaderParam(String name, boolean required) {
}
