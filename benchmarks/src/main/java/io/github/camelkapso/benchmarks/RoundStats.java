package io.github.camelkapso.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Statistics over a harness's measured rounds: the median, min and max of a per-round figure, nearest-rank
 * percentiles of sorted values, and the three-decimal rounding the results files record figures with.
 */
final class RoundStats {

    private RoundStats() {
    }

    /** Median of {@code figure} over the rounds (the mean of the middle two for an even count); NaN for none. */
    static <R> double median(List<R> rounds, ToDoubleFunction<? super R> figure) {
        return median(rounds.stream().mapToDouble(figure).sorted().toArray());
    }

    /** Median of sorted values (the mean of the middle two for an even count); NaN for none. */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Smallest {@code figure} over the rounds; NaN for none. */
    static <R> double min(List<R> rounds, ToDoubleFunction<? super R> figure) {
        return rounds.stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    /** Largest {@code figure} over the rounds; NaN for none. */
    static <R> double max(List<R> rounds, ToDoubleFunction<? super R> figure) {
        return rounds.stream().mapToDouble(figure).max().orElse(Double.NaN);
    }

    /**
     * {@code median<suffix>}, {@code min<suffix>} and {@code max<suffix>} of {@code figure} over the rounds, rounded
     * to whole numbers: the start of a variant's summary in a results file, to which the caller adds.
     */
    static <R> Map<String, Object> medianMinMaxJson(List<R> rounds, ToDoubleFunction<? super R> figure, String suffix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median" + suffix, Math.round(median(rounds, figure)));
        m.put("min" + suffix, Math.round(min(rounds, figure)));
        m.put("max" + suffix, Math.round(max(rounds, figure)));
        return m;
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** Rounded to three decimals, as the results files record figures. */
    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
