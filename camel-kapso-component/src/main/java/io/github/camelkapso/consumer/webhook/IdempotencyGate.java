package io.github.camelkapso.consumer.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Lets each event key through once, with the semantics of Camel's IdempotentConsumer: the key is added before the
 * route runs, confirmed when it succeeds and removed when it fails, so that Kapso's retry of a failed delivery runs the
 * route again. A key another request of this consumer is still processing (Kapso retried while the route was slow) is
 * reported as in flight rather than duplicate: answering 200 for it would lose the event if the first attempt fails.
 */
final class IdempotencyGate {

    enum Claim {
        /** Process it. */
        CLAIMED,
        /** Already processed: skip it. */
        DUPLICATE,
        /** Being processed right now by another request: ask Kapso to retry later. */
        IN_FLIGHT
    }

    private final IdempotentRepository repository;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** @param repository null processes every event */
    IdempotencyGate(IdempotentRepository repository) {
        this.repository = repository;
    }

    Claim claim(String key) {
        if (repository == null) {
            return Claim.CLAIMED;
        }
        if (!inFlight.add(key)) {
            return Claim.IN_FLIGHT;
        }
        boolean added;
        try {
            added = repository.add(key);
        } catch (RuntimeException e) {
            inFlight.remove(key);
            throw e;
        }
        if (!added) {
            inFlight.remove(key);
            return Claim.DUPLICATE;
        }
        return Claim.CLAIMED;
    }

    void succeeded(String key) {
        if (repository != null) {
            try {
                repository.confirm(key);
            } finally {
                inFlight.remove(key);
            }
        }
    }

    void failed(String key) {
        if (repository != null) {
            try {
                repository.remove(key);
            } finally {
                inFlight.remove(key);
            }
        }
    }
}
