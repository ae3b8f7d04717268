package io.github.camelkapso.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.KapsoComponent;
import io.github.camelkapso.KapsoConstants;
import io.github.camelkapso.ParameterNames;
import io.github.camelkapso.catalog.HeaderParam;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.catalog.QueryParam;

/**
 * Renders {@code src/generated/java/io/github/camelkapso/KapsoOperationOptions.java} from the catalog: the operation
 * names (the enum of the {@code operation} path parameter) and one {@code @UriParam} per operation parameter name, so
 * camel-package-maven-plugin writes them into {@code kapso.json} like any other option. A parameter whose option name
 * is already an endpoint option of the component's own classes ({@code phoneNumberId}, ...) gets no field: the
 * component option stands for it (see {@code OperationOptionsDescriptorTest} for the overlaps allowed).
 */
public final class OperationOptionsSource {

    public static final Path SOURCE = Path.of("src/generated/java/io/github/camelkapso/KapsoOperationOptions.java");
    public static final String UPDATE_PROPERTY = "kapso.options.update";
    public static final String REGENERATE_COMMAND = "mvn -B test -pl camel-kapso-component -am -Dtest=OperationOptionsSourceTest"
                                                    + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

    public static final String GENERATED_CLASS = "io.github.camelkapso.KapsoOperationOptions";

    private final KapsoCatalog catalog;
    private final Set<String> componentOptions;

    /**
     * @param componentOptions endpoint option names the component's own classes declare (not generated here)
     */
    public OperationOptionsSource(KapsoCatalog catalog, Set<String> componentOptions) {
        this.catalog = catalog;
        this.componentOptions = componentOptions;
    }

    /** The generator for the shipped catalog, leaving out the options the descriptor has from the component's classes. */
    public static OperationOptionsSource load() {
        return new OperationOptionsSource(KapsoCatalog.get(), componentOptions(descriptor()));
    }

    /** The component descriptor on the classpath, as camel-package-maven-plugin wrote it. */
    public static JsonNode descriptor() {
        try (InputStream in = OperationOptionsSource.class.getResourceAsStream(ComponentDocs.DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException("Component descriptor " + ComponentDocs.DESCRIPTOR + " is not on the classpath;"
                                                + " build the module first (camel-package-maven-plugin writes it)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ComponentDocs.DESCRIPTOR, e);
        }
    }

    /** Endpoint option names of the descriptor that the component's own classes declare, not the generated class. */
    public static Set<String> componentOptions(JsonNode descriptor) {
        Set<String> names = new TreeSet<>();
        descriptor.path("properties").fields().forEachRemaining(e -> {
            if (!GENERATED_CLASS.equals(e.getValue().path("configurationClass").asText())) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** Every option name an operation parameter maps to, with how each operation uses it, sorted by name. */
    public Map<String, Usage> usages() {
        Map<String, Usage> byName = new TreeMap<>();
        for (KapsoOperation op : catalog.operations()) {
            for (String p : op.pathParams()) {
                // path parameters are always required: only query and header parameters say by whom
                byName.computeIfAbsent(ParameterNames.optionName(p), Usage::new).add("path parameter", p, "string", false, op.id());
            }
            for (QueryParam q : op.queryParams()) {
                byName.computeIfAbsent(ParameterNames.optionName(q.name()), Usage::new)
                        .add("query parameter", q.name(), q.type(), q.required(), op.id());
            }
            for (HeaderParam h : op.headerParams()) {
                byName.computeIfAbsent(ParameterNames.optionName(h.name().toLowerCase()), Usage::new)
                        .add("HTTP header", h.name(), "string", h.required(), op.id());
            }
        }
        return byName;
    }

    /** The operation path parameter's enum: every catalog id, then the two receivers. */
    public List<String> operationNames() {
        List<String> names = catalog.operations().stream().map(KapsoOperation::id).collect(Collectors.toCollection(ArrayList::new));
        names.add(KapsoComponent.WEBHOOK);
        names.add(KapsoComponent.FLOWS_DATA_ENDPOINT);
        return names;
    }

    public String render() {
        Map<String, Usage> generated = new TreeMap<>(usages());
        generated.keySet().removeAll(componentOptions);
        StringBuilder out = new StringBuilder();
        out.append("package io.github.camelkapso;\n\n");
        out.append("import java.util.Set;\n\n");
        out.append("import org.apache.camel.spi.UriParam;\n");
        out.append("import org.apache.camel.spi.UriParams;\n\n");
        out.append("// Generated from the Kapso catalog by io.github.camelkapso.docs.OperationOptionsSource; do not edit.\n");
        out.append("// Regenerate: ").append(REGENERATE_COMMAND).append('\n');
        out.append("/**\n");
        out.append(" * The operation names and the operations' own path, query and header parameters, declared for Camel tooling\n");
        out.append(" * (the component descriptor, option validation, completion). A URI value for one of them reaches the call through\n");
        out.append(" * {@code OperationOptions.extract} in {@link KapsoComponent#createEndpoint}, which takes only the parameters of the\n");
        out.append(" * endpoint's operation; these fields only describe them.\n");
        out.append(" */\n");
        out.append("@UriParams\n");
        out.append("public class KapsoOperationOptions {\n\n");
        out.append("    /** Every catalog operation id, then webhook and flowsDataEndpoint. */\n");
        out.append("    public static final String OPERATIONS = ").append(javaString(String.join(",", operationNames()))).append(";\n\n");
        out.append("    /** The option names declared here. */\n");
        out.append("    public static final Set<String> NAMES = Set.of(\n");
        out.append(generated.keySet().stream().map(n -> "            " + javaString(n)).collect(Collectors.joining(",\n")));
        out.append(");\n");
        for (Usage u : generated.values()) {
            out.append('\n');
            out.append("    @UriParam(label = \"operation\"").append(u.isBoolean() ? ", enums = \"true,false\"" : "")
                    .append(", description = ").append(javaString(u.description())).append(")\n");
            out.append("    private ").append(u.javaType()).append(' ').append(u.option).append(";\n");
        }
        for (Usage u : generated.values()) {
            String cap = Character.toUpperCase(u.option.charAt(0)) + u.option.substring(1);
            out.append('\n');
            out.append("    public ").append(u.javaType()).append(" get").append(cap).append("() {\n");
            out.append("        return ").append(u.option).append(";\n");
            out.append("    }\n\n");
            out.append("    public void set").append(cap).append('(').append(u.javaType()).append(' ').append(u.option).append(") {\n");
            out.append("        this.").append(u.option).append(" = ").append(u.option).append(";\n");
            out.append("    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** Writes the source when it differs; true when it changed. */
    public boolean update(Path file) {
        try {
            String fresh = render();
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(fresh)) {
                return false;
            }
            Files.writeString(file, fresh, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String javaString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** How the operations use one option name: as which wire names and kinds, of which type, in which operations. */
    public static final class Usage {
        private final String option;
        private final Map<String, Set<String>> operationsByUse = new TreeMap<>();
        private final Set<String> requiredBy = new LinkedHashSet<>();
        private final Set<String> types = new LinkedHashSet<>();
        private final Set<String> operations = new LinkedHashSet<>();

        Usage(String option) {
            this.option = option;
        }

        void add(String kind, String wireName, String type, boolean required, String operation) {
            operationsByUse.computeIfAbsent(kind + " " + wireName, k -> new LinkedHashSet<>()).add(operation);
            types.add(type);
            operations.add(operation);
            if (required) {
                requiredBy.add(operation);
            }
        }

        public String option() {
            return option;
        }

        public Set<String> operations() {
            return operations;
        }

        /**
         * A flag Kapso reads as true or false. Declared as a String with those two values: camel-package-maven-plugin gives
         * a Boolean option the default false, and Kapso has no default to show.
         */
        boolean isBoolean() {
            return types.size() == 1 && types.contains("boolean");
        }

        /** The Java type tooling checks values against: the catalog's when every use agrees, else String. */
        String javaType() {
            String type = types.size() == 1 ? types.iterator().next() : "string";
            switch (type) {
                case "integer":
                    return "Integer";
                case "number":
                    return "Double";
                default:
                    return "String";
            }
        }

        String description() {
            List<String> parts = new ArrayList<>();
            operationsByUse.forEach((use, ops) -> parts.add("the " + use + " of " + String.join(", ", ops)));
            String text = "Operation parameter: " + String.join("; ", parts) + ".";
            if (!requiredBy.isEmpty()) {
                text += " Required by " + String.join(", ", requiredBy) + ".";
            }
            return text + " Also read from the header " + KapsoConstants.HEADER_PREFIX + Character.toUpperCase(option.charAt(0))
                   + option.substring(1) + ".";
        }
    }
}
