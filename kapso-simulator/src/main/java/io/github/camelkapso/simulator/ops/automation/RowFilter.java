package io.github.camelkapso.simulator.ops.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.http.ApiError;

/**
 * One PostgREST-style filter of the database API, {@code <column>=<operator>.<value>}, with the operators Kapso
 * documents: eq, neq, gt, gte, lt, lte, like (% any run, _ one character, case-insensitive for ASCII as in SQLite),
 * in.(a,b,"c,d") and is.null. Any other operator is a 400.
 */
final class RowFilter {

    static final String SUPPORTED = "eq, neq, gt, gte, lt, lte, like, in, is.null";

    private RowFilter() {
    }

    static Predicate<ObjectNode> parse(String column, String expression) {
        int dot = expression.indexOf('.');
        if (dot <= 0) {
            throw ApiError.platform(400, "Filter " + column + "=" + expression + " must be <operator>.<value>; operators: " + SUPPORTED);
        }
        String op = expression.substring(0, dot);
        String value = expression.substring(dot + 1);
        switch (op) {
            case "eq":
                return compare(column, value, c -> c == 0);
            case "neq":
                return compare(column, value, c -> c != 0);
            case "gt":
                return compare(column, value, c -> c > 0);
            case "gte":
                return compare(column, value, c -> c >= 0);
            case "lt":
                return compare(column, value, c -> c < 0);
            case "lte":
                return compare(column, value, c -> c <= 0);
            case "like": {
                Pattern pattern = like(value);
                return row -> !SqlValues.isNull(row.get(column)) && pattern.matcher(SqlValues.text(row.get(column))).matches();
            }
            case "in": {
                List<String> options = list(column, value);
                return row -> options.stream().anyMatch(o -> {
                    Integer c = SqlValues.compare(row.get(column), o);
                    return c != null && c == 0;
                });
            }
            case "is":
                if (!value.equals("null")) {
                    throw ApiError.platform(400, "Unsupported filter " + column + "=is." + value + "; only is.null is supported");
                }
                return row -> SqlValues.isNull(row.get(column));
            default:
                throw ApiError.platform(400, "Unsupported filter operator '" + op + "' in " + column + "=" + expression
                                             + "; operators: " + SUPPORTED);
        }
    }

    private static Predicate<ObjectNode> compare(String column, String literal, java.util.function.IntPredicate test) {
        return row -> {
            JsonNode v = row.get(column);
            Integer c = SqlValues.compare(v, literal);
            return c != null && test.test(c);
        };
    }

    /** SQL LIKE as a regular expression: % → .*, _ → . (SQLite: case-insensitive for ASCII letters). */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** {@code (a,b,"c,d")} → [a, b, c,d]. */
    private static List<String> list(String column, String value) {
        if (!value.startsWith("(") || !value.endsWith(")")) {
            throw ApiError.platform(400, "Filter " + column + "=in." + value + " must list its values in parentheses: in.(a,b)");
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String inner = value.substring(1, value.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!inner.isEmpty()) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
