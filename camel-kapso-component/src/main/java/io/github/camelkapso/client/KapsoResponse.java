package io.github.camelkapso.client;

import java.net.http.HttpHeaders;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer, read: the JSON (or bytes for binary operations), its items when it is a list, and its paging.
 * Error answers never become a response: the client fails the call with a typed
 * {@link io.github.camelkapso.error.KapsoApiException} instead.
 *
 * @param status   HTTP status
 * @param headers  response headers
 * @param json     parsed body, or null for an empty or binary body
 * @param bytes    raw body
 * @param items    the list items ({@code data} or a bare array), empty when the answer is not a list
 * @param page     paging facts
 * @param attempts HTTP attempts the call took
 */
public record KapsoResponse(int status, HttpHeaders headers, JsonNode json, byte[] bytes, List<JsonNode> items,
                            PageInfo page, int attempts) {

    /** A numeric response header (X-RateLimit-Remaining, X-Total-Count), or null when absent or not a number. */
    public Long headerNumber(String name) {
        return PageInfo.headerNumber(headers, name);
    }
}
