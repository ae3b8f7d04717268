package io.github.camelkapso.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns an unknown operation name into a hint listing the closest catalog ids. */
final class OperationSuggestions {

    private OperationSuggestions() {
    }

    static String describe(String wanted, Collection<String> ids) {
        if (wanted == null || wanted.isBlank()) {
            return "; give one of the " + ids.size() + " catalog ids, e.g. sendMessage";
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        String close = ids.stream()
                .sorted(Comparator.comparingInt(id -> distance(lower, id.toLowerCase(Locale.ROOT))))
                .limit(5)
                .collect(Collectors.joining(", "));
        return "; did you mean one of: " + close + " (" + ids.size() + " operations in the catalog)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
