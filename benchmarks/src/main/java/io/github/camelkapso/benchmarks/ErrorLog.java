package io.github.camelkapso.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Errors of a run, from any thread: all counted, the first {@value #MAX_SAMPLES} kept as samples. */
final class ErrorLog {

    static final int MAX_SAMPLES = 10;

    private final AtomicLong count = new AtomicLong();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

    void add(String error) {
        if (count.incrementAndGet() <= MAX_SAMPLES) {
            samples.add(error);
        }
    }

    long count() {
        return count.get();
    }

    boolean hasSamples() {
        return !samples.isEmpty();
    }

    /** The samples kept, oldest first. */
    List<String> samples() {
        return new ArrayList<>(samples);
    }
}
