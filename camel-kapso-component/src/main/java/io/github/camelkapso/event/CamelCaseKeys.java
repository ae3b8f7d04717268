package io.github.camelkapso.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A copy of a tree with every object key camel-cased as Kapso's SDK presents WhatsApp Flow responses: a {@code _} or
 * {@code -} before a letter or digit is dropped and that character upper-cased ({@code flow_token} is
 * {@code flowToken}, {@code screen_0_Name_1} is {@code screen0Name1}). Values are kept as they are.
 */
final class CamelCaseKeys {

    private CamelCaseKeys() {
    }

    static JsonNode of(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(key(field.getKey()), of(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(of(element)));
            return copy;
        }
        return node;
    }

    static String key(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c == '_' || c == '-') && i + 1 < key.length() && isAsciiLetterOrDigit(key.charAt(i + 1))) {
                out.append(Character.toUpperCase(key.charAt(++i)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
