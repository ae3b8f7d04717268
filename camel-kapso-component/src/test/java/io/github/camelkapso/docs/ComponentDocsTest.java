package io.github.camelkapso.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkapso.catalog.KapsoCatalog;
import io.github.camelkapso.catalog.KapsoOperation;
import io.github.camelkapso.docs.ComponentDocs.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generated sections of {@code src/main/docs/kapso-component.adoc} must match what {@link ComponentDocs} renders
 * from the catalog and the component descriptor now. When they drift, the test names the section and its first
 * differing line. Regenerate from the repository root with
 * {@code mvn -B test -pl camel-kapso-component -Dtest=ComponentDocsTest -Dkapso.docs.update=true}: with that property
 * the test rewrites the sections instead of failing.
 */
class ComponentDocsTest {

    @Test
    void generatedSectionsMatchCatalogAndDescriptor() throws Exception {
        Path page = ComponentDocs.locateAdoc();
        ComponentDocs docs = ComponentDocs.load();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Map<Section, String> expected = docs.render();

        if (Boolean.getBoolean(ComponentDocs.UPDATE_PROPERTY)) {
            boolean changed = docs.update(page);
            System.out.println((changed ? "Regenerated the generated sections of " : "Already up to date: ") + page);
            text = Files.readString(page, StandardCharsets.UTF_8);
        }

        Map<Section, String> actual = ComponentDocs.extract(text);
        List<String> problems = new ArrayList<>();
        for (Section s : Section.values()) {
            Optional<String> diff = ComponentDocs.firstDifference(actual.get(s), expected.get(s));
            if (diff.isPresent()) {
                problems.add("Section '" + s.marker() + "' (starting at line " + ComponentDocs.startLineNumber(text, s)
                             + ") is out of date: " + diff.get());
            }
        }
        if (!problems.isEmpty()) {
            fail(page + " drifted from the catalog / component descriptor.\n" + String.join("\n", problems)
                 + "\nRegenerate it from the repository root with:\n  " + ComponentDocs.REGENERATE_COMMAND
                 + "\nand commit the page.");
        }
    }

    @Test
    void everyOperationHasOneRow() {
        String operations = ComponentDocs.load().render(Section.OPERATIONS);
        for (KapsoOperation op : KapsoCatalog.get().operations()) {
            long rows = operations.lines().filter(l -> l.startsWith("| `" + op.id() + "` |")).count();
            assertThat(rows).as("rows for operation %s", op.id()).isEqualTo(1);
        }
        long allRows = operations.lines().filter(l -> l.startsWith("| `")).count();
        assertThat(allRows).isEqualTo(KapsoCatalog.get().size());
    }

    @Test
    void everyOptionAndHeaderOfTheDescriptorIsListed() throws Exception {
        JsonNode descriptor;
        try (var in = getClass().getResourceAsStream(ComponentDocs.DESCRIPTOR)) {
            assertThat(in).as(ComponentDocs.DESCRIPTOR).isNotNull();
            descriptor = new ObjectMapper().readTree(in);
        }
        ComponentDocs docs = ComponentDocs.load();
        assertNamesListed(descriptor.path("componentProperties"), docs.render(Section.COMPONENT_OPTIONS));
        assertNamesListed(descriptor.path("properties"), docs.render(Section.ENDPOINT_OPTIONS));
        assertNamesListed(descriptor.path("headers"), docs.render(Section.COMPONENT_HEADERS));
    }

    @Test
    void sectionsAreReplacedBetweenTheirMarkersOnly() {
        StringBuilder page = new StringBuilder("= Title\n\nhand-written intro\n\n");
        Map<Section, String> fresh = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            page.append(s.startLine()).append("\nstale ").append(s.marker()).append('\n').append(s.endLine())
                    .append("\nhand-written after ").append(s.marker()).append('\n');
            fresh.put(s, "fresh " + s.marker() + "\nsecond line\n");
        }
        String rewritten = ComponentDocs.rewrite(page.toString(), fresh);

        assertThat(rewritten).startsWith("= Title\n\nhand-written intro\n\n").doesNotContain("stale");
        assertThat(ComponentDocs.extract(rewritten)).isEqualTo(fresh);
        for (Section s : Section.values()) {
            assertThat(rewritten).contains(s.endLine() + "\nhand-written after " + s.marker() + "\n");
        }
        assertThat(ComponentDocs.rewrite(rewritten, fresh)).isEqualTo(rewritten);
    }

    @Test
    void missingOrRepeatedMarkersAreNamed() {
        String noEnd = Section.OPERATIONS.startLine() + "\nx\n";
        assertThatThrownBy(() -> ComponentDocs.extract(noEnd))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("component options");
        StringBuilder twice = new StringBuilder();
        for (Section s : Section.values()) {
            twice.append(s.startLine()).append('\n').append(s.endLine()).append('\n');
        }
        twice.append(Section.OPERATIONS.startLine()).append('\n');
        assertThatThrownBy(() -> ComponentDocs.extract(twice.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("appears twice");
    }

    @Test
    void firstDifferenceNamesTheLine() {
        assertThat(ComponentDocs.firstDifference("a\nb\n", "a\nb\n")).isEmpty();
        assertThat(ComponentDocs.firstDifference("a\nb\nc\n", "a\nB\nc\n")).get().asString()
                .contains("line 2").contains("page:      b").contains("generated: B");
        assertThat(ComponentDocs.firstDifference("a\n", "a\nb\n")).get().asString().contains("missing").contains("b");
        assertThat(ComponentDocs.firstDifference("a\nb\n", "a\n")).get().asString().contains("extra line 2");
    }

    @Test
    void textIsSafeInsideTableCells() {
        assertThat(ComponentDocs.escape("a | b {phone_number_id} {not an attribute}"))
                .isEqualTo("a \\| b \\{phone_number_id} {not an attribute}");
        assertThat(ComponentDocs.shorten("java.util.Map<java.lang.String, java.lang.Object>")).isEqualTo("Map<String, Object>");
        assertThat(ComponentDocs.shorten("org.apache.camel.spi.HeaderFilterStrategy")).isEqualTo("HeaderFilterStrategy");
    }

    private static void assertNamesListed(JsonNode options, String section) {
        for (Iterator<String> it = options.fieldNames(); it.hasNext();) {
            String name = it.next();
            assertThat(section).as("section listing %s", name).contains("| *" + name + "* (");
        }
    }
}
