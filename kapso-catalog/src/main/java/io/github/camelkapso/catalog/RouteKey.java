package io.github.camelkapso.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises method + base + path so that two catalog entries addressing the same endpoint collide.
 * <p>
 * Placeholders become {@code {}}, except a Graph node id in the first segment of a proxy path: Meta serves
 * {@code GET /{media_id}}, {@code GET /{phone_number_id}} and {@code GET /{flow_id}} on one URL shape and tells
 * them apart by the kind of node the id names, so the placeholder name is part of the key there.
 */
public final class RouteKey {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private RouteKey() {
    }

    public static String of(String method, KapsoOperation.Base base, String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.split("/", -1);
        StringBuilder key = new StringBuilder(method.toUpperCase(Locale.ROOT)).append(' ').append(base).append(' ');
        for (int i = 1; i < segments.length; i++) {
            Matcher m = PLACEHOLDER.matcher(segments[i]);
            boolean graphNode = i == 1 && base != KapsoOperation.Base.PLATFORM;
            String segment = graphNode ? segments[i].toLowerCase(Locale.ROOT) : m.replaceAll("{}").toLowerCase(Locale.ROOT);
            key.append('/').append(segment);
        }
        return key.toString();
    }
}
