package io.github.camelkapso.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The API facts the catalog was built from: {@code kapso-api/operations.tsv} and the OpenAPI descriptions beside it,
 * found through the {@code kapso.api.dir} system property or by looking for {@code shared/kapso-api} next to the
 * checkout.
 */
final class KapsoApiFacts {

    static final List<String> SPECS = List.of("openapi-whatsapp.yaml", "openapi-platform.yaml", "openapi-workflows.yaml",
            "openapi-kapso-agent.yaml");

    /** One OpenAPI operation. */
    record SpecOperation(String file, String method, String base, String path, String operationId,
                         List<String> requiredQuery, List<String> query) {
    }

    private KapsoApiFacts() {
    }

    static Optional<Path> locate() {
        String configured = System.getProperty("kapso.api.dir");
        if (configured != null && Files.isRegularFile(Paths.get(configured, "operations.tsv"))) {
            return Optional.of(Paths.get(configured));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("kapso-api");
            if (Files.isRegularFile(candidate.resolve("operations.tsv"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Map<String, String>> operationsTsv(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("operations.tsv"), StandardCharsets.UTF_8);
        String[] columns = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                row.put(columns[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    static List<SpecOperation> specOperations(Path dir) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<SpecOperation> ops = new ArrayList<>();
        for (String file : SPECS) {
            Path path = dir.resolve("openapi").resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            JsonNode doc = yaml.readTree(path.toFile());
            String server = doc.path("servers").path(0).path("url").asText();
            JsonNode shared = doc.path("components").path("parameters");
            doc.path("paths").fields().forEachRemaining(p -> {
                List<JsonNode> common = list(p.getValue().path("parameters"));
                String pathServer = p.getValue().path("servers").path(0).path("url").asText(server);
                for (String method : Arrays.asList("get", "post", "put", "patch", "delete")) {
                    JsonNode op = p.getValue().get(method);
                    if (op == null) {
                        continue;
                    }
                    List<String> query = new ArrayList<>();
                    List<String> required = new ArrayList<>();
                    List<JsonNode> params = new ArrayList<>(common);
                    params.addAll(list(op.path("parameters")));
                    for (JsonNode param : params) {
                        JsonNode resolved = param.has("$ref")
                                ? shared.path(param.get("$ref").asText().replaceFirst(".*/", "")) : param;
                        if ("query".equals(resolved.path("in").asText())) {
                            query.add(resolved.path("name").asText());
                            if (resolved.path("required").asBoolean()) {
                                required.add(resolved.path("name").asText());
                            }
                        }
                    }
                    String opBase = baseOf(pathServer);
                    ops.add(new SpecOperation(file, method.toUpperCase(), opBase, p.getKey(),
                            op.path("operationId").asText(), required, query));
                }
            });
        }
        return ops;
    }

    /** The catalog base a server URL stands for. */
    static String baseOf(String serverUrl) {
        if (serverUrl.endsWith("/platform/v1")) {
            return "PLATFORM";
        }
        return serverUrl.matches(".*/meta/whatsapp/v[0-9.]+/?") ? "META" : "META_UNVERSIONED";
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
