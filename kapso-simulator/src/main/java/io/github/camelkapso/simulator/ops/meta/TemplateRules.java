package io.github.camelkapso.simulator.ops.meta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Meta checks when a message template is submitted, and what makes its review fail. Limits are counted in
 * code points, as WhatsApp counts characters.
 */
final class TemplateRules {

    static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    static final int NAME_MAX = 512;
    static final Set<String> COMPONENT_TYPES = Set.of("HEADER", "BODY", "FOOTER", "BUTTONS");
    static final Set<String> HEADER_FORMATS = Set.of("TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION");
    static final Map<String, Integer> TEXT_LIMITS = Map.of("HEADER", 60, "BODY", 1024, "FOOTER", 60);
    static final int BUTTON_TEXT_LIMIT = 25;
    static final int BUTTONS_MAX = 10;
    /** Most buttons of a type a template may have (the spec's component description). */
    static final Map<String, Integer> BUTTON_MAX = Map.of("QUICK_REPLY", 10, "PHONE_NUMBER", 1, "URL", 2, "COPY_CODE", 1);
    static final Set<String> BUTTON_TYPES = Set.of("QUICK_REPLY", "PHONE_NUMBER", "URL", "COPY_CODE", "OTP", "CATALOG", "MPM",
            "FLOW", "VOICE_CALL", "SPM");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern POSITIONAL = Pattern.compile("[1-9][0-9]*");
    private static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]*");

    private TemplateRules() {
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw MetaErrors.required("name");
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX || !NAME.matcher(name).matches()) {
            throw MetaErrors.invalid("name", "must contain only lowercase letters, digits and underscores, at most "
                                             + NAME_MAX + " characters (got \"" + name + "\")");
        }
    }

    /** Checks the components of a template of {@code category} in {@code parameterFormat} (NAMED or POSITIONAL). */
    static void checkComponents(JsonNode components, String category, String parameterFormat) {
        if (components == null || !components.isArray() || components.isEmpty()) {
            throw MetaErrors.required("components");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText("").toUpperCase();
            if (!COMPONENT_TYPES.contains(type)) {
                throw MetaErrors.invalid("components[].type", "must be one of " + COMPONENT_TYPES + " (got \"" + c.path("type").asText() + "\")");
            }
            if (!seen.add(type)) {
                throw MetaErrors.invalid("components", "may hold only one " + type + " component");
            }
            switch (type) {
                case "HEADER" -> header(c, parameterFormat);
                case "BODY" -> body(c, category, parameterFormat);
                case "FOOTER" -> footer(c);
                default -> buttons(c);
            }
        }
        if (!seen.contains("BODY")) {
            throw MetaErrors.invalid("components", "must include a BODY component");
        }
    }

    /** Why Meta's review rejects the template, if it does: a body that starts or ends with a variable. */
    static Optional<String> rejection(JsonNode components) {
        for (JsonNode c : components) {
            if (c.path("type").asText("").equalsIgnoreCase("BODY") && c.hasNonNull("text")) {
                String text = c.path("text").asText().strip();
                if (text.startsWith("{{") || text.endsWith("}}")) {
                    return Optional.of("INVALID_FORMAT");
                }
            }
        }
        return Optional.empty();
    }

    private static void header(JsonNode c, String parameterFormat) {
        String format = c.path("format").asText("").toUpperCase();
        if (!HEADER_FORMATS.contains(format)) {
            throw MetaErrors.invalid("HEADER.format", "must be one of " + HEADER_FORMATS);
        }
        if (format.equals("TEXT")) {
            String text = requiredText(c, "HEADER");
            List<String> vars = variables(text, parameterFormat, "HEADER");
            if (vars.size() > 1) {
                throw MetaErrors.invalid("HEADER.text", "may hold at most one variable");
            }
            if (!vars.isEmpty() && !hasExample(c.path("example"), "header_text", "header_text_named_params")) {
                throw MetaErrors.invalid("HEADER.example", "is required: a header with a variable needs example.header_text"
                                                           + " (or header_text_named_params)");
            }
        } else if (!format.equals("LOCATION") && !c.path("example").path("header_handle").isArray()) {
            throw MetaErrors.invalid("HEADER.example.header_handle", "is required: a " + format + " header needs a sample media handle");
        }
    }

    private static void body(JsonNode c, String category, String parameterFormat) {
        if ("AUTHENTICATION".equals(category) && !c.hasNonNull("text")) {
            return;
        }
        String text = requiredText(c, "BODY");
        List<String> vars = variables(text, parameterFormat, "BODY");
        if (vars.isEmpty()) {
            return;
        }
        JsonNode example = c.path("example");
        if (!hasExample(example, "body_text", "body_text_named_params")) {
            throw MetaErrors.invalid("BODY.example", "is required: a body with variables needs example.body_text"
                                                     + " (or body_text_named_params)");
        }
        JsonNode positional = example.path("body_text");
        if (positional.isArray() && positional.size() > 0) {
            int distinct = new LinkedHashSet<>(vars).size();
            if (positional.get(0).size() != distinct) {
                throw MetaErrors.invalid("BODY.example.body_text", "must give " + distinct + " example value(s), one per variable");
            }
        }
    }

    private static void footer(JsonNode c) {
        if (!c.hasNonNull("text") && c.has("code_expiration_minutes")) {
            return;
        }
        String text = requiredText(c, "FOOTER");
        if (VARIABLE.matcher(text).find()) {
            throw MetaErrors.invalid("FOOTER.text", "cannot hold variables");
        }
    }

    private static void buttons(JsonNode c) {
        JsonNode buttons = c.path("buttons");
        if (!buttons.isArray() || buttons.isEmpty()) {
            throw MetaErrors.invalid("BUTTONS.buttons", "must list at least one button");
        }
        if (buttons.size() > BUTTONS_MAX) {
            throw MetaErrors.invalid("BUTTONS.buttons", "may hold at most " + BUTTONS_MAX + " buttons");
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (JsonNode b : buttons) {
            String type = b.path("type").asText("").toUpperCase();
            if (!BUTTON_TYPES.contains(type)) {
                throw MetaErrors.invalid("BUTTONS.buttons[].type", "must be one of " + BUTTON_TYPES + " (got \"" + b.path("type").asText() + "\")");
            }
            int n = counts.merge(type, 1, Integer::sum);
            Integer max = BUTTON_MAX.get(type);
            if (max != null && n > max) {
                throw MetaErrors.invalid("BUTTONS.buttons", "may hold at most " + max + " " + type + " button(s)");
            }
            if (b.hasNonNull("text")) {
                limit("BUTTONS.buttons[].text", b.path("text").asText(), BUTTON_TEXT_LIMIT);
            }
        }
    }

    private static String requiredText(JsonNode c, String type) {
        JsonNode text = c.get("text");
        if (text == null || text.isNull() || text.asText().isBlank()) {
            throw MetaErrors.invalid(type + ".text", "is required");
        }
        limit(type + ".text", text.asText(), TEXT_LIMITS.get(type));
        return text.asText();
    }

    private static void limit(String field, String text, int max) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw MetaErrors.INVALID_PARAMETER.error(field + " is " + length + " characters; the limit is " + max,
                    MetaErrors.SUBCODE_TEMPLATE_CHARACTER_LIMIT);
        }
    }

    private static boolean hasExample(JsonNode example, String positional, String named) {
        return example.path(positional).isArray() && example.path(positional).size() > 0
               || example.path(named).isArray() && example.path(named).size() > 0;
    }

    /** The variables of a text, checked against the parameter format (positional ones must run 1, 2, 3, ...). */
    static List<String> variables(String text, String parameterFormat, String where) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        boolean named = "NAMED".equals(parameterFormat);
        while (m.find()) {
            String v = m.group(1);
            if (named ? !NAMED.matcher(v).matches() : !POSITIONAL.matcher(v).matches()) {
                throw MetaErrors.invalid(where + ".text", named
                        ? "variable {{" + v + "}} must be a lowercase name (parameter_format NAMED)"
                        : "variable {{" + v + "}} must be a number (parameter_format POSITIONAL; use NAMED for named variables)");
            }
            out.add(v);
        }
        if (!named) {
            Set<Integer> numbers = new java.util.TreeSet<>();
            out.forEach(v -> numbers.add(Integer.parseInt(v)));
            int expected = 1;
            for (int n : numbers) {
                if (n != expected++) {
                    throw MetaErrors.invalid(where + ".text", "variables must be sequential, starting at {{1}} (found {{" + n + "}})");
                }
            }
        }
        return out;
    }
}
