package io.github.camelkapso.catalog;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The catalog against the API facts it was built from: every row of {@code operations.tsv} and every operation of
 * the OpenAPI descriptions must be in the catalog with the same method, path and required parameters, and nothing
 * else may be. Also guards the catalog's own consistency (unique ids, no two entries on one route).
 */
class CatalogContractTest {

    private static Optional<Path> facts;
    private static final KapsoCatalog CATALOG = KapsoCatalog.get();

    @BeforeAll
    static void locateFacts() {
        facts = KapsoApiFacts.locate();
        if (facts.isEmpty()) {
            System.out.println("CatalogContractTest: the Kapso API facts (shared/kapso-api beside the checkout, or"
                               + " -Dkapso.api.dir) are absent; the checks against them are skipped.");
        }
    }

    @Test
    void idsAreUniqueInTheResource() throws Exception {
        List<String> ids = new ArrayList<>();
        try (InputStream in = KapsoCatalog.class.getResourceAsStream(KapsoCatalog.RESOURCE)) {
            new ObjectMapper().readTree(in).path("operations").forEach(n -> ids.add(n.path("id").asText()));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(CATALOG.size());
    }

    @Test
    void noTwoOperationsShareARoute() {
        Map<String, List<String>> byRoute = CATALOG.operations().stream()
                .collect(Collectors.groupingBy(KapsoOperation::routeKey, Collectors.mapping(KapsoOperation::id, Collectors.toList())));
        assertThat(byRoute.values().stream().filter(ids -> ids.size() > 1).collect(Collectors.toList()))
                .as("operations colliding on normalised method + path").isEmpty();
    }

    @Test
    void everyOperationIsComplete() {
        for (KapsoOperation op : CATALOG.operations()) {
            assertThat(op.id()).matches("[a-z][A-Za-z0-9]+");
            assertThat(op.method()).isIn("GET", "POST", "PUT", "PATCH", "DELETE");
            assertThat(op.path()).startsWith("/");
            assertThat(op.description()).as("description of %s", op.id()).isNotBlank();
            assertThat(op.docs() != null || op.source() != null).as("docs or source of %s", op.id()).isTrue();
            assertThat(placeholders(op.path())).as("path params of %s", op.id()).isEqualTo(op.pathParams());
            if (op.consumer()) {
                assertThat(op.method()).as("consumer-capable %s", op.id()).isEqualTo("GET");
                assertThat(op.pagination()).isNotEqualTo(KapsoOperation.Pagination.NONE);
            }
            if (op.method().equals("GET")) {
                assertThat(op.body()).as("body of GET %s", op.id()).isEqualTo(KapsoOperation.BodyKind.NONE);
            }
        }
    }

    @Test
    void matchesOperationsTsv() throws Exception {
        assumeTrue(facts.isPresent(), "Kapso API facts absent: shared/kapso-api not found beside the checkout");
        List<Map<String, String>> rows = KapsoApiFacts.operationsTsv(facts.get());
        assertThat(rows).hasSize(216);
        Set<String> tsvIds = new HashSet<>();
        for (Map<String, String> row : rows) {
            String id = row.get("operation");
            tsvIds.add(id);
            Optional<KapsoOperation> found = CATALOG.find(id);
            assertThat(found).as("catalog entry for operations.tsv row %s", id).isPresent();
            KapsoOperation op = found.get();
            assertThat(op.method()).as("method of %s", id).isEqualTo(row.get("http_method"));
            assertThat(op.path()).as("path of %s", id).isEqualTo(row.get("path"));
            assertThat(op.base()).as("base of %s", id).isEqualTo(tsvBase(row.get("base")));
            assertThat(op.pathParams()).as("path params of %s", id).isEqualTo(list(row.get("path_params")));
            List<String> tsvQuery = list(row.get("query_params")).stream().filter(q -> !q.startsWith("<column>"))
                    .collect(Collectors.toList());
            assertThat(names(op.queryParams(), false)).as("query params of %s", id)
                    .isEqualTo(tsvQuery.stream().map(q -> q.replace("*", "")).collect(Collectors.toCollection(TreeSet::new)));
            assertThat(names(op.queryParams(), true)).as("required query params of %s", id)
                    .isEqualTo(tsvQuery.stream().filter(q -> q.endsWith("*")).map(q -> q.replace("*", ""))
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertThat(op.filters()).as("filters of %s", id).isEqualTo(row.get("query_params").contains("<column>"));
            assertThat(op.pagination().name().toLowerCase()).as("pagination of %s", id).isEqualTo(row.get("pagination"));
            assertThat(op.successStatus()).as("success status of %s", id).isEqualTo(Integer.parseInt(row.get("success_status")));
            assertBody(op, row.get("body_root"));
        }
        Set<String> specOnly = CATALOG.operations().stream().map(KapsoOperation::id).filter(i -> !tsvIds.contains(i))
                .collect(Collectors.toSet());
        for (String id : specOnly) {
            assertThat(CATALOG.require(id).source()).as("catalog entry %s is in neither operations.tsv nor a spec", id)
                    .startsWith("spec:");
        }
    }

    @Test
    void matchesOpenApiDescriptions() throws Exception {
        assumeTrue(facts.isPresent(), "Kapso API facts absent: shared/kapso-api not found beside the checkout");
        List<KapsoApiFacts.SpecOperation> specs = KapsoApiFacts.specOperations(facts.get());
        assertThat(specs).isNotEmpty();
        Map<String, List<KapsoOperation>> byShape = new HashMap<>();
        for (KapsoOperation op : CATALOG.operations()) {
            byShape.computeIfAbsent(shape(op.method(), op.base().name(), op.path()), k -> new ArrayList<>()).add(op);
        }
        Set<String> matched = new HashSet<>();
        for (KapsoApiFacts.SpecOperation spec : specs) {
            List<KapsoOperation> candidates = byShape.getOrDefault(shape(spec.method(), spec.base(), spec.path()), List.of());
            KapsoOperation op = candidates.size() == 1 ? candidates.get(0)
                    : candidates.stream().filter(c -> c.path().equals(spec.path())).findFirst().orElse(null);
            assertThat(op).as("catalog entry for %s %s (%s#%s)", spec.method(), spec.path(), spec.file(), spec.operationId())
                    .isNotNull();
            assertThat(matched.add(op.id())).as("%s matched by two spec operations", op.id()).isTrue();
            assertThat(names(op.queryParams(), true)).as("required query params of %s vs %s", op.id(), spec.operationId())
                    .isEqualTo(new TreeSet<>(spec.requiredQuery()));
        }
        assertThat(matched).hasSize(specs.size());
        System.out.println("Catalog contract: " + CATALOG.size() + " catalog operations; " + matched.size() + " of "
                           + specs.size() + " OpenAPI operations matched, " + (CATALOG.size() - 216)
                           + " of them beyond operations.tsv");
    }

    private static void assertBody(KapsoOperation op, String bodyRoot) {
        switch (bodyRoot) {
            case "none":
                assertThat(op.body()).as("body of %s", op.id()).isEqualTo(KapsoOperation.BodyKind.NONE);
                break;
            case "multipart":
                assertThat(op.body()).as("body of %s", op.id()).isEqualTo(KapsoOperation.BodyKind.MULTIPART);
                break;
            case "-":
                assertThat(op.body()).as("body of %s", op.id()).isEqualTo(KapsoOperation.BodyKind.JSON);
                assertThat(op.wrapper()).as("wrapper of %s", op.id()).isNull();
                break;
            default:
                assertThat(op.body()).as("body of %s", op.id()).isEqualTo(KapsoOperation.BodyKind.JSON);
                assertThat(op.wrapper()).as("wrapper of %s", op.id()).isEqualTo(bodyRoot);
        }
    }

    private static KapsoOperation.Base tsvBase(String cell) {
        if (cell.equals("meta")) {
            return KapsoOperation.Base.META;
        }
        if (cell.equals("platform")) {
            return KapsoOperation.Base.PLATFORM;
        }
        return KapsoOperation.Base.valueOf(KapsoApiFacts.baseOf(cell));
    }

    private static String shape(String method, String base, String path) {
        return method + " " + base + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    private static Set<String> names(List<QueryParam> params, boolean requiredOnly) {
        return params.stream().filter(q -> !requiredOnly || q.required()).map(QueryParam::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> list(String cell) {
        return cell == null || cell.equals("-") || cell.isEmpty() ? List.of() : Arrays.stream(cell.split(","))
                .map(String::trim).collect(Collectors.toList());
    }

    private static List<String> placeholders(String path) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

}
