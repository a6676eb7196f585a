package dev.herald.search;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the search service's features may use each other, pinned so that a new dependency between features is
 * a decision someone makes in this file rather than an accident. The platform-wide rules (no service
 * imports another, shared code holds no service logic) are in the launcher's ArchitectureTest.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.herald.search");

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("dev.herald.search.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void eachFeatureIsUsedOnlyByTheFeaturesBuiltOnIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("article").definedBy("dev.herald.search.article..")
                .layer("dictionary").definedBy("dev.herald.search.dictionary..")
                .layer("fulltext").definedBy("dev.herald.search.fulltext..")
                // the index is built from articles and the dictionary; neither knows the index exists
                .whereLayer("article").mayOnlyBeAccessedByLayers("fulltext")
                .whereLayer("dictionary").mayOnlyBeAccessedByLayers("fulltext")
                .whereLayer("fulltext").mayNotBeAccessedByAnyLayer()
                .check(SERVICE);
    }
}
