package io.github.camelkapso.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;

/**
 * Routes a request path to its catalog operation. Built from the catalog alone, so the simulator serves exactly the
 * operations the component calls. Graph node routes that share a shape ({@code GET /{media_id}} and
 * {@code GET /{phone_number_id}}) are told apart by asking what kind of node the id names.
 */
public final class CatalogRouter {

    private static final Pattern GRAPH_VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

    /** A routed request: the operation and its decoded path parameters. */
    public record Match(KapsoOperation operation, Map<String, String> pathParams) {
    }

    private record Route(KapsoOperation operation, String[] segments, int literals) {
    }

    private final Map<KapsoOperation.Base, Map<String, List<Route>>> routes = new EnumMap<>(KapsoOperation.Base.class);

    public CatalogRouter(KapsoCatalog catalog) {
        for (KapsoOperation op : catalog.operations()) {
            String[] segments = op.path().substring(1).split("/");
            int literals = 0;
            for (String s : segments) {
                if (!s.startsWith("{")) {
                    literals++;
                }
            }
            routes.computeIfAbsent(op.base(), b -> new HashMap<>())
                    .computeIfAbsent(op.method() + " " + segments.length, k -> new ArrayList<>())
                    .add(new Route(op, segments, literals));
        }
        routes.values().forEach(m -> m.values().forEach(l -> l.sort(Comparator.comparingInt(Route::literals).reversed())));
    }

    /**
     * @param method   HTTP method
     * @param rawPath  the request path, still percent-encoded
     * @param nodeKind tells what a Graph node id is ("phone_number", "business_account", "flow", "media"), or null
     * @return the match, or null when no catalog operation serves this path
     */
    public Match route(String method, String rawPath, Function<String, String> nodeKind) {
        String[] raw = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : rawPath.split("/", -1);
        KapsoOperation.Base base;
        int skip;
        if (raw.length > 2 && raw[0].equals("platform") && raw[1].equals("v1")) {
            base = KapsoOperation.Base.PLATFORM;
            skip = 2;
        } else if (raw.length > 3 && raw[0].equals("meta") && raw[1].equals("whatsapp") && GRAPH_VERSION.matcher(raw[2]).matches()) {
            base = KapsoOperation.Base.META;
            skip = 3;
        } else if (raw.length > 2 && raw[0].equals("meta") && raw[1].equals("whatsapp")) {
            base = KapsoOperation.Base.META_UNVERSIONED;
            skip = 2;
        } else {
            return null;
        }
        int n = raw.length - skip;
        if (n > 0 && raw[raw.length - 1].isEmpty()) {
            n--;
        }
        String[] segments = new String[n];
        for (int i = 0; i < n; i++) {
            String segment = raw[skip + i];
            segments[i] = segment.indexOf('%') < 0 ? segment : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        List<Route> candidates = routes.getOrDefault(base, Map.of()).getOrDefault(method + " " + n, List.of());
        List<Match> matches = new ArrayList<>();
        int best = -1;
        for (Route route : candidates) {
            if (route.literals() < best) {
                break;
            }
            Map<String, String> params = bind(route, segments);
            if (params != null) {
                best = route.literals();
                matches.add(new Match(route.operation(), params));
            }
        }
        if (matches.size() <= 1 || nodeKind == null) {
            return matches.isEmpty() ? null : matches.get(0);
        }
        String kind = nodeKind.apply(segments[0]);
        for (Match m : matches) {
            String first = m.operation().pathParams().isEmpty() ? null : m.operation().pathParams().get(0);
            if (kind != null && first != null && first.equals(kind + "_id")) {
                return m;
            }
        }
        return matches.get(0);
    }

    private static Map<String, String> bind(Route route, String[] segments) {
        for (int i = 0; i < segments.length; i++) {
            String pattern = route.segments()[i];
            if (!pattern.startsWith("{") && !pattern.equals(segments[i])) {
                return null; // most candidates fail on a literal: no map for them
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String pattern = route.segments()[i];
            if (pattern.startsWith("{")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(pattern.substring(1, pattern.length() - 1), segments[i]);
            } else if (!pattern.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }
}
