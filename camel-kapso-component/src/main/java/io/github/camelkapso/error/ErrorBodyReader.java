package io.github.camelkapso.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Extracts error fields from the Meta Graph and Kapso Platform error body shapes. */
final class ErrorBodyReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SNAKE_CASE_CODE = Pattern.compile("[a-z0-9]+(?:_[a-z0-9]+)*");
    private static final int MAX_PLAIN_TEXT_MESSAGE = 200;
    /** Rails puts errors that belong to no single field under "base". */
    private static final String RAILS_BASE_FIELD = "base";

    private ErrorBodyReader() {
    }

    static ParsedErrorBody read(String body) {
        ParsedErrorBody parsed = new ParsedErrorBody();
        if (body == null || body.isBlank()) {
            return parsed;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            parsed.message = plainTextMessage(body);
            return parsed;
        }
        if (root.isObject()) {
            JsonNode error = root.path("error");
            if (error.isObject()) {
                readGraphError(error, parsed);
            } else {
                readPlatformError(root, parsed);
            }
        } else if (root.isTextual()) {
            parsed.message = blankToNull(root.asText());
        }
        return parsed;
    }

    private static void readGraphError(JsonNode error, ParsedErrorBody parsed) {
        parsed.message = text(error, "message");
        parsed.type = text(error, "type");
        readCode(error.path("code"), parsed);
        parsed.subcode = integer(error.path("error_subcode"));
        parsed.fbtraceId = text(error, "fbtrace_id");
        JsonNode data = error.path("error_data");
        parsed.details = data.isObject() ? text(data, "details") : text(error, "error_data");
        if (parsed.details == null) {
            parsed.details = text(error, "error_user_msg");
        }
    }

    private static void readPlatformError(JsonNode root, ParsedErrorBody parsed) {
        String error = text(root, "error");
        String message = text(root, "message");
        String detail = text(root, "detail");
        if (error != null && message != null && isCode(error)) {
            // legacy API: {"error": "<code>", "message": "<detail>"}
            parsed.platformCode = error;
            parsed.message = message;
        } else if (error != null) {
            parsed.message = error;
            parsed.details = message;
        } else if (message != null && isCode(message)) {
            // {"message": "legacy_offset_pagination_limit_exceeded", "detail": "..."}
            parsed.platformCode = message;
            parsed.message = detail;
        } else {
            parsed.message = message;
        }
        if (parsed.details == null && detail != null && !detail.equals(parsed.message)) {
            parsed.details = detail;
        }
        readCode(root.path("code"), parsed);
        readFundingError(root, parsed);
        readErrors(root.path("errors"), parsed.errors);
        readErrors(root.path("validation_errors"), parsed.errors);
    }

    /** Funding 502: {"error", "error_kind", "meta_error_code", "meta_trace_id"}. */
    private static void readFundingError(JsonNode root, ParsedErrorBody parsed) {
        if (parsed.platformCode == null) {
            parsed.platformCode = text(root, "error_kind");
        }
        if (parsed.code == null) {
            parsed.code = integer(root.path("meta_error_code"));
        }
        if (parsed.fbtraceId == null) {
            parsed.fbtraceId = text(root, "meta_trace_id");
        }
    }

    private static void readCode(JsonNode code, ParsedErrorBody parsed) {
        Integer numeric = integer(code);
        if (numeric != null) {
            parsed.code = numeric;
        } else if (code.isTextual() && parsed.platformCode == null) {
            parsed.platformCode = blankToNull(code.asText());
        }
    }

    private static void readErrors(JsonNode node, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String prefix = RAILS_BASE_FIELD.equals(field.getKey()) ? "" : field.getKey() + ": ";
                JsonNode value = field.getValue();
                if (value.isArray()) {
                    value.forEach(item -> out.add(prefix + itemText(item)));
                } else if (!value.isNull()) {
                    out.add(prefix + itemText(value));
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> out.add(itemText(item)));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
    }

    private static String itemText(JsonNode item) {
        if (item.isTextual()) {
            return item.asText();
        }
        String message = item.isObject() ? text(item, "message") : null;
        return message != null ? message : item.toString();
    }

    /** Short one-line plain-text bodies ("Bad Gateway") are worth showing; HTML error pages are not. */
    private static String plainTextMessage(String body) {
        String trimmed = body.trim();
        boolean readable = trimmed.length() <= MAX_PLAIN_TEXT_MESSAGE
                && !trimmed.startsWith("<")
                && trimmed.indexOf('\n') < 0
                && trimmed.indexOf('\r') < 0;
        return readable ? blankToNull(trimmed) : null;
    }

    private static boolean isCode(String value) {
        return SNAKE_CASE_CODE.matcher(value).matches();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isValueNode() && !node.isNull() ? blankToNull(node.asText()) : null;
    }

    private static Integer integer(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            try {
                return Integer.valueOf(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
