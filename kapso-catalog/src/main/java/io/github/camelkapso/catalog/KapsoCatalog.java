package io.github.camelkapso.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every Kapso operation, loaded once from the {@code kapso-catalog.json} resource. The producer, the docs, the
 * header constants and the simulator all read it; nothing else lists endpoints.
 */
public final class KapsoCatalog {

    public static final String RESOURCE = "/io/github/camelkapso/kapso-catalog.json";

    private static final class Holder {
        static final KapsoCatalog INSTANCE = load();
    }

    private final Map<String, KapsoOperation> operations;

    KapsoCatalog(List<KapsoOperation> operations) {
        Map<String, KapsoOperation> byId = new LinkedHashMap<>();
        for (KapsoOperation op : operations) {
            if (byId.putIfAbsent(op.id(), op) != null) {
                throw new IllegalStateException("Operation id declared twice in the Kapso catalog: " + op.id());
            }
        }
        this.operations = Collections.unmodifiableMap(byId);
    }

    /** The catalog shipped with the component. */
    public static KapsoCatalog get() {
        return Holder.INSTANCE;
    }

    public Collection<KapsoOperation> operations() {
        return operations.values();
    }

    public Optional<KapsoOperation> find(String id) {
        return Optional.ofNullable(id == null ? null : operations.get(id));
    }

    /** The operation with this id, or an {@link IllegalArgumentException} that suggests close names. */
    public KapsoOperation require(String id) {
        KapsoOperation op = id == null ? null : operations.get(id);
        if (op == null) {
            throw new IllegalArgumentException("Unknown Kapso operation '" + id + "'"
                    + OperationSuggestions.describe(id, operations.keySet()));
        }
        return op;
    }

    /** Ids of the list operations a polling consumer can follow. */
    public List<String> pollableIds() {
        return operations.values().stream().filter(KapsoOperation::consumer).map(KapsoOperation::id).toList();
    }

    public int size() {
        return operations.size();
    }

    static KapsoCatalog load() {
        try (InputStream in = KapsoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Kapso catalog resource missing: " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kapso catalog " + RESOURCE, e);
        }
    }

    static KapsoCatalog parse(JsonNode root) {
        List<KapsoOperation> ops = new ArrayList<>();
        for (JsonNode n : root.path("operations")) {
            List<String> pathParams = new ArrayList<>();
            n.path("pathParams").forEach(p -> pathParams.add(p.asText()));
            List<QueryParam> queryParams = new ArrayList<>();
            n.path("queryParams").forEach(q -> queryParams.add(
                    new QueryParam(q.path("name").asText(), q.path("type").asText("string"), q.path("required").asBoolean())));
            List<HeaderParam> headerParams = new ArrayList<>();
            n.path("headerParams").forEach(h -> headerParams.add(
                    new HeaderParam(h.path("name").asText(), h.path("required").asBoolean())));
            ops.add(new KapsoOperation(
                    n.path("id").asText(),
                    n.path("resource").asText(),
                    n.path("method").asText(),
                    KapsoOperation.Base.fromCatalog(n.path("base").asText()),
                    n.path("path").asText(),
                    pathParams,
                    queryParams,
                    headerParams,
                    n.path("filters").asBoolean(),
                    KapsoOperation.BodyKind.valueOf(n.path("body").asText().toUpperCase()),
                    text(n, "wrapper"),
                    KapsoOperation.Envelope.valueOf(n.path("envelope").asText().toUpperCase()),
                    KapsoOperation.Pagination.valueOf(n.path("pagination").asText().toUpperCase()),
                    n.path("successStatus").asInt(200),
                    n.path("idempotent").asBoolean(),
                    n.path("list").asBoolean(),
                    n.path("messageSend").asBoolean(),
                    poll(n.path("poll")),
                    n.hasNonNull("multipart") ? constant(KapsoOperation.MultipartForm.class, n.path("multipart")) : null,
                    preflight(n.path("preflight")),
                    text(n, "description"),
                    text(n, "docs"),
                    text(n, "source")));
        }
        return new KapsoCatalog(ops);
    }

    private static PollProfile poll(JsonNode p) {
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        return new PollProfile(text(p, "orderField"), constant(PollProfile.ValueKind.class, p.path("values")),
                constant(PollProfile.ListOrder.class, p.path("order")), text(p, "sinceFilter"), p.path("consumerSorts").asBoolean());
    }

    private static List<PreflightRule> preflight(JsonNode rules) {
        List<PreflightRule> out = new ArrayList<>();
        for (JsonNode r : rules) {
            out.add(new PreflightRule(constant(PreflightRule.Kind.class, r.path("rule")), r.path("field").asText(),
                    r.path("max").asInt()));
        }
        return out;
    }

    /** {@code oldest_first} to {@code OLDEST_FIRST}, or an error naming the value and the ones allowed. */
    private static <E extends Enum<E>> E constant(Class<E> type, JsonNode value) {
        String name = value.asText().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Kapso catalog: '" + value.asText() + "' is not a " + type.getSimpleName()
                                           + "; one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
