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
                .layer("analysis").definedBy("dev.herald.search.analysis..")
                .layer("index").definedBy("dev.herald.search.index..")
                .layer("query").definedBy("dev.herald.search.query..")
                .layer("engine").definedBy("dev.herald.search.engine..")
                // the index is built from articles with the analyzers; neither knows the index exists
                .whereLayer("article").mayOnlyBeAccessedByLayers("index", "query", "engine")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("index", "query", "engine")
                // the dictionary shapes queries, not the index: a saved phrase applies without a re-index
                .whereLayer("dictionary").mayOnlyBeAccessedByLayers("query", "engine")
                // queries read the index; the index never knows how it is queried
                .whereLayer("index").mayOnlyBeAccessedByLayers("query", "engine")
                // a search engine is one more backend behind the ports of index and query: it implements them with
                // their own query building, and neither knows which backend serves it
                .whereLayer("query").mayOnlyBeAccessedByLayers("engine")
                .whereLayer("engine").mayNotBeAccessedByAnyLayer()
                .check(SERVICE);
    }
}
