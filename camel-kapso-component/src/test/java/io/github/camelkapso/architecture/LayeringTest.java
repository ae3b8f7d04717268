package io.github.camelkapso.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers the design names (DESIGN.md "Layers"): the catalog and the Kapso client are Camel-free and know nothing of
 * the endpoint; the public event and error packages never reach into the client, the producer or the consumers.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.camelkapso");
    }

    @Test
    void theClientAndTheCatalogAreCamelFree() {
        noClasses().that().resideInAnyPackage("io.github.camelkapso.client..", "io.github.camelkapso.catalog..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .because("the Kapso client is usable without Camel (connectors, tests, tools)")
                .check(classes);
    }

    @Test
    void theClientUsesOnlyTheCatalogAndTheErrors() {
        noClasses().that().resideInAPackage("io.github.camelkapso.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.camelkapso", "io.github.camelkapso.producer..",
                        "io.github.camelkapso.consumer..", "io.github.camelkapso.health..", "io.github.camelkapso.event..",
                        "io.github.camelkapso.message..")
                .check(classes);
    }

    @Test
    void eventAndErrorNeverReachIntoTheMachinery() {
        noClasses().that().resideInAnyPackage("io.github.camelkapso.event..", "io.github.camelkapso.error..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.camelkapso.client..",
                        "io.github.camelkapso.producer..", "io.github.camelkapso.consumer..", "io.github.camelkapso.health..")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("KapsoEndpoint")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("KapsoComponent")
                .check(classes);
    }

    @Test
    void theLowerLayersHaveNoCyclesAmongThemselves() {
        slices().matching("io.github.camelkapso.(catalog|client|error)..").should().beFreeOfCycles().check(classes);
    }
}
