package io.github.camelkapso.simulator.ops.automation;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the project database (SQLite, Cloudflare D1) compares values: numbers numerically, text as text, NULL never
 * equal to anything, and in ORDER BY NULL before numbers before text.
 */
final class SqlValues {

    private SqlValues() {
    }

    static boolean isNull(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    /** The column value compared with a filter literal; null when SQL would answer NULL (the value is NULL). */
    static Integer compare(JsonNode value, String literal) {
        if (isNull(value)) {
            return null;
        }
        BigDecimal number = number(value);
        BigDecimal other = parse(literal);
        if (number != null && other != null) {
            return number.compareTo(other);
        }
        if (value.isBoolean() && ("true".equalsIgnoreCase(literal) || "false".equalsIgnoreCase(literal))) {
            return Boolean.compare(value.asBoolean(), Boolean.parseBoolean(literal.toLowerCase()));
        }
        return text(value).compareTo(literal);
    }

    /** ORDER BY comparison of two column values. */
    static int order(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra == 0) {
            return 0;
        }
        if (ra == 1) {
            return number(a).compareTo(number(b));
        }
        return text(a).compareTo(text(b));
    }

    static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static int rank(JsonNode v) {
        if (isNull(v)) {
            return 0;
        }
        return number(v) != null ? 1 : 2;
    }

    private static BigDecimal number(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return null;
    }

    private static BigDecimal parse(String literal) {
        try {
            return new BigDecimal(literal.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
