package io.github.camelkapso.simulator.ops.automation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** URL-safe identifiers derived from names, as Kapso generates them for functions and workflows. */
final class Slugs {

    private Slugs() {
    }

    /** "Calculate Shipping Cost!" → "calculate-shipping-cost". */
    static String of(String name, String fallback) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? fallback : slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... the first one {@code taken} does not hold. */
    static String unique(String base, Predicate<String> taken) {
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
