package io.github.camelkapso.simulator.messaging;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.simulator.SimContext;
import io.github.camelkapso.simulator.state.Stores;

/**
 * What Meta checks before it accepts a template send: the template exists in the WhatsApp Business account of the
 * sending number with that name and language and is approved (132001; paused 132015, disabled 132016), and each
 * component gets as many parameters as its text has placeholders (132000).
 */
public final class TemplateRules {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

    private TemplateRules() {
    }

    /**
     * @param businessAccountId the WABA of the sending number
     * @param template          the request's {@code template} object ({@code name}, {@code language.code}, {@code components})
     * @return the stored template the send uses
     */
    public static ObjectNode check(SimContext ctx, String businessAccountId, JsonNode template) {
        String name = template.path("name").asText();
        String language = template.path("language").path("code").asText();
        ObjectNode stored = ctx.state().store(Stores.TEMPLATES)
                .find(t -> name.equals(t.path("name").asText()) && language.equals(t.path("language").asText())
                           && businessAccountId.equals(t.path("business_account_id").asText()))
                .orElseThrow(() -> SendErrors.templateNotFound(name, language));
        switch (stored.path("status").asText("").toUpperCase(Locale.ROOT)) {
            case "APPROVED":
                break;
            case "PAUSED":
                throw SendErrors.templatePaused(name);
            case "DISABLED":
                throw SendErrors.templateDisabled(name);
            default:
                throw SendErrors.templateNotFound(name, language);
        }
        for (String component : new String[] {"header", "body"}) {
            int expected = placeholders(componentText(stored, component)).size();
            int given = parameterCount(template, component);
            if (given != expected) {
                throw SendErrors.templateParameterCount(component, given, expected);
            }
        }
        return stored;
    }

    /** The distinct placeholders of a template text: {{1}}, {{2}} or named ones like {{first_name}}. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String componentText(ObjectNode template, String type) {
        for (JsonNode c : template.path("components")) {
            if (type.equalsIgnoreCase(c.path("type").asText()) && c.path("text").isTextual()) {
                return c.path("text").asText();
            }
        }
        return null;
    }

    private static int parameterCount(JsonNode request, String type) {
        int count = 0;
        for (JsonNode c : request.path("components")) {
            if (type.equalsIgnoreCase(c.path("type").asText())) {
                for (JsonNode p : c.path("parameters")) {
                    // A media header parameter fills the header's media, not a text placeholder.
                    if (!type.equals("header") || "text".equals(p.path("type").asText())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
