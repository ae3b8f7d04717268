package io.github.camelkapso.catalog;

/**
 * A query parameter an operation declares.
 *
 * @param name     wire name, e.g. {@code per_page}
 * @param type     JSON schema type: string, integer, number, boolean or array
 * @param required whether the call fails without it
 */
public record QueryParam(String name, String type, boolean required) {
}
