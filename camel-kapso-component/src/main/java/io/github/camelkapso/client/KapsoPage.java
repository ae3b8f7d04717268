package io.github.camelkapso.client;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fetched page of a list operation: its items in the order Kapso listed them, the answer it came in, and the
 * request for the next page when Kapso says there is one.
 */
public final class KapsoPage {

    private final KapsoResponse response;
    private final int number;
    private final KapsoPageRequest next;

    KapsoPage(KapsoResponse response, int number, KapsoPageRequest next) {
        this.response = response;
        this.number = number;
        this.next = next;
    }

    public List<JsonNode> items() {
        return response.items();
    }

    public KapsoResponse response() {
        return response;
    }

    public int number() {
        return number;
    }

    public Optional<KapsoPageRequest> next() {
        return Optional.ofNullable(next);
    }
}
