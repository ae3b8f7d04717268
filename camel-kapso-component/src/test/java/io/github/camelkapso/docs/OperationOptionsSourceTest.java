package io.github.camelkapso.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code KapsoOperationOptions.java} (the operation names and parameters as endpoint options, read by
 * camel-package-maven-plugin into {@code kapso.json}) must be what {@link OperationOptionsSource} renders from the
 * catalog now. With {@code -Dkapso.options.update=true} the test rewrites it instead of failing; build again so the
 * descriptor follows, then regenerate the docs ({@link ComponentDocsTest}). When an option changes type, the configurer
 * camel-package-maven-plugin wrote for the old one no longer compiles: delete it, the build writes it again.
 */
class OperationOptionsSourceTest {

    @Test
    void generatedSourceMatchesTheCatalog() throws Exception {
        OperationOptionsSource source = OperationOptionsSource.load();
        Path file = locate();
        if (Boolean.getBoolean(OperationOptionsSource.UPDATE_PROPERTY)) {
            boolean changed = source.update(file);
            System.out.println((changed ? "Regenerated " : "Already up to date: ") + file
                               + (changed ? "; build again so kapso.json follows, then regenerate the docs" : ""));
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Optional<String> diff = ComponentDocs.firstDifference(actual, source.render());
        if (diff.isPresent()) {
            fail(file + " drifted from the Kapso catalog: " + diff.get() + "\nRegenerate it from the repository root with:\n  "
                 + OperationOptionsSource.REGENERATE_COMMAND + "\nthen build again and commit it with src/generated (when an option"
                 + " changed type and the old KapsoEndpointConfigurer.java no longer compiles, delete it: the build writes it"
                 + " again).");
        }
    }

    private static Path locate() {
        String basedir = System.getProperty("basedir");
        Path base = basedir != null && !basedir.isEmpty() ? Path.of(basedir) : Path.of("").toAbsolutePath();
        return base.resolve(OperationOptionsSource.SOURCE);
    }
}
