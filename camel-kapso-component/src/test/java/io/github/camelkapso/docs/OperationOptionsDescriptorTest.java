package io.github.camelkapso.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.docs.OperationOptionsSource.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated component descriptor ({@code kapso.json}, what Camel tooling reads) lists every catalog operation as
 * a value of the {@code operation} path parameter, and every operation parameter as an endpoint option whose
 * description names the operations it applies to; no operation parameter shares its name with an endpoint option of
 * a different meaning.
 */
class OperationOptionsDescriptorTest {

    /**
     * Operation parameters whose option name is an endpoint option of the component on purpose, and why. Anything else
     * sharing a name with an endpoint option is a collision: the value would mean one thing to the component and
     * another to the operation.
     */
    static final Map<String, String> DELIBERATE_OVERLAPS = Map.of(
            "phoneNumberId", "the common id: the endpoint or component default for every operation whose path or query names it",
            "businessAccountId", "the common id: the endpoint or component default for every operation whose path or query names it",
            "customerId", "the common id: the endpoint or component default for every operation whose path or query names it");

    private static final JsonNode DESCRIPTOR = OperationOptionsSource.descriptor();
    private static final KapsoCatalog CATALOG = KapsoCatalog.get();

    @Test
    void everyCatalogOperationIsAValueOfTheOperationPathParameter() {
        JsonNode operation = DESCRIPTOR.path("properties").path("operation");
        assertThat(operation.path("kind").asText()).isEqualTo("path");
        List<String> values = new ArrayList<>();
        operation.path("enum").forEach(v -> values.add(v.asText()));

        assertThat(values).doesNotHaveDuplicates().contains("webhook", "flowsDataEndpoint").hasSize(CATALOG.size() + 2);
        CATALOG.operations().forEach(op -> assertThat(values).as("operation enum").contains(op.id()));
    }

    @Test
    void everyOperationParameterIsADocumentedEndpointOption() {
        JsonNode properties = DESCRIPTOR.path("properties");
        Map<String, Usage> usages = OperationOptionsSource.load().usages();
        assertThat(usages).hasSizeGreaterThan(50);
        for (Usage usage : usages.values()) {
            JsonNode option = properties.path(usage.option());
            assertThat(option.isObject()).as("endpoint option %s in kapso.json", usage.option()).isTrue();
            if (DELIBERATE_OVERLAPS.containsKey(usage.option())) {
                continue;
            }
            assertThat(option.path("configurationClass").asText()).isEqualTo(OperationOptionsSource.GENERATED_CLASS);
            String description = option.path("description").asText();
            for (String op : usage.operations()) {
                assertThat(description).as("description of option %s names operation %s", usage.option(), op).contains(op);
            }
        }
    }

    @Test
    void noOperationParameterCollidesWithAnEndpointOption() {
        Map<String, Set<String>> collisions = collisions(OperationOptionsSource.componentOptions(DESCRIPTOR));

        assertThat(collisions.keySet()).as("operation parameters named like an endpoint option of the component (%s);"
                                           + " rename or list them in DELIBERATE_OVERLAPS with the reason", collisions)
                .isEqualTo(DELIBERATE_OVERLAPS.keySet());
    }

    @Test
    void aParameterNamedLikeAnOptionOfTheComponentIsACollision() {
        ObjectNode descriptor = (ObjectNode) DESCRIPTOR.deepCopy();
        // as if the component declared its own page option beside the query parameter of the paged lists
        ObjectNode page = ((ObjectNode) descriptor.path("properties")).putObject("page");
        page.put("kind", "parameter").put("configurationClass", "io.github.camelkapso.KapsoConfiguration");

        Map<String, Set<String>> collisions = collisions(OperationOptionsSource.componentOptions(descriptor));

        assertThat(collisions).containsKey("page");
        assertThat(collisions.get("page")).contains("listBroadcasts");
        assertThat(DESCRIPTOR.path("properties").path("page").path("configurationClass").asText())
                .as("the shipped descriptor's page is the operation parameter").isEqualTo(OperationOptionsSource.GENERATED_CLASS);
    }

    /** Option names shared by an operation parameter and an endpoint option of the component, with the operations. */
    private static Map<String, Set<String>> collisions(Set<String> componentOptions) {
        Map<String, Set<String>> out = new TreeMap<>();
        OperationOptionsSource.load().usages().forEach((name, usage) -> {
            if (componentOptions.contains(name)) {
                out.put(name, usage.operations());
            }
        });
        return out;
    }
}
