package io.github.camelkapso.simulator.http;

/**
 * An authenticated catalog request the simulator has answered, as request observers see it.
 *
 * @param method         HTTP method
 * @param path           the request path
 * @param status         the answer's status
 * @param responseMillis time from receiving the body to answering
 * @param ipAddress      the caller's address, or null
 * @param errorMessage   the answer's error message for 4xx/5xx, or null
 */
public record ServedRequest(String method, String path, int status, long responseMillis, String ipAddress, String errorMessage) {
}
