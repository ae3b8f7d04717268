package io.github.camelkapso.benchmarks;

/** The harnesses' {@code bench.*} system properties. */
final class BenchOptions {

    private BenchOptions() {
    }

    /** The property as an int; {@code fallback} when it is not set or blank. */
    static int intOption(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
