package io.github.camelkapso.simulator.ops.automation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the simulator can tell about a function's JavaScript without running it: whether its brackets balance (the
 * stand-in for Cloudflare's syntax check at deploy time) and the directives that script its answers:
 * <ul>
 * <li>{@code // simulator-response: {"ok": true}}: the JSON every invocation returns (status 200);</li>
 * <li>{@code // simulator-error: message}: every invocation fails with Kapso's 500 and this detail.</li>
 * </ul>
 */
final class FunctionCode {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern RESPONSE = Pattern.compile("^\\s*//\\s*simulator-response:\\s*(.*?)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("^\\s*//\\s*simulator-error:\\s*(.*?)\\s*$", Pattern.MULTILINE);
    private static final String REGEX_CAN_FOLLOW = "(,=:[!&|?{};+-*%<>~^";

    private FunctionCode() {
    }

    /** The scripted answer, or null when the code has no simulator-response line. */
    static JsonNode cannedResponse(String code) {
        Matcher m = RESPONSE.matcher(code == null ? "" : code);
        if (!m.find()) {
            return null;
        }
        try {
            return MAPPER.readTree(m.group(1));
        } catch (Exception e) {
            throw new IllegalArgumentException("the simulator-response line is not valid JSON: " + m.group(1));
        }
    }

    /** The scripted failure detail, or null. */
    static String cannedError(String code) {
        Matcher m = ERROR.matcher(code == null ? "" : code);
        return m.find() ? m.group(1) : null;
    }

    /** Why the code would not deploy, or null when it looks deployable. */
    static String deployProblem(String code) {
        String syntax = syntaxError(code == null ? "" : code);
        if (syntax != null) {
            return "SyntaxError: " + syntax;
        }
        try {
            cannedResponse(code);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Unbalanced (), [] or {} outside strings, comments and regular expressions; null when balanced. */
    static String syntaxError(String code) {
        Deque<int[]> open = new ArrayDeque<>();
        int line = 1;
        char previous = '(';
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
                line++;
                continue;
            }
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    return "Unterminated comment starting at line " + line;
                }
                line += count(code, i, end, '\n');
                i = end + 1;
                previous = ';';
                continue;
            }
            if (c == '"' || c == '\'' || c == '`' || c == '/' && REGEX_CAN_FOLLOW.indexOf(previous) >= 0) {
                int end = closing(code, i, c);
                if (end < 0) {
                    return (c == '/' ? "Invalid regular expression" : "Unterminated string") + " at line " + line;
                }
                line += count(code, i, end, '\n');
                i = end;
                previous = 'a';
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(new int[] {c, line});
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.peek()[0] != expected) {
                    return "Unexpected token '" + c + "' at line " + line;
                }
                open.pop();
            }
            previous = c;
        }
        if (!open.isEmpty()) {
            return "Unexpected end of input: '" + (char) open.peek()[0] + "' opened at line " + open.peek()[1] + " is never closed";
        }
        return null;
    }

    private static int closing(String code, int start, char quote) {
        boolean inClass = false;
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote == '/' && c == '[') {
                inClass = true;
            } else if (quote == '/' && c == ']') {
                inClass = false;
            } else if (c == quote && !inClass) {
                return i;
            } else if (c == '\n' && quote != '`') {
                return -1;
            }
        }
        return -1;
    }

    private static int count(String s, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
