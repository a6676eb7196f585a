package dev.herald.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the ingest service's features may use each other, pinned so that a new dependency between features is
 * a decision someone makes in this file rather than an accident. The platform-wide rules (no service
 * imports another, shared code holds no service logic) are in the launcher's ArchitectureTest.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.herald.ingest");

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("dev.herald.ingest.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void eachFeatureIsUsedOnlyByTheFeaturesBuiltOnIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("extraction").definedBy("dev.herald.ingest.extraction..")
                .layer("fetch").definedBy("dev.herald.ingest.fetch..")
                .layer("registry").definedBy("dev.herald.ingest.registry..")
                .layer("report").definedBy("dev.herald.ingest.report..")
                .layer("draft").definedBy("dev.herald.ingest.draft..")
                .layer("importing").definedBy("dev.herald.ingest.importing..")
                .layer("feed").definedBy("dev.herald.ingest.feed..")
                .layer("bulk").definedBy("dev.herald.ingest.bulk..")
                // reading pages and fetching them know nothing of reports; a draft holds what extraction found
                .whereLayer("extraction").mayOnlyBeAccessedByLayers("draft", "importing", "feed", "bulk")
                .whereLayer("fetch").mayOnlyBeAccessedByLayers("importing", "feed", "bulk")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("report", "draft", "importing", "feed", "bulk")
                .whereLayer("report").mayOnlyBeAccessedByLayers("draft", "feed", "bulk")
                // a draft does not know where its page came from: importing a page (pasted, fetched) makes one,
                // and so does a feed item; a bulk import submits reports without drafts
                .whereLayer("draft").mayOnlyBeAccessedByLayers("importing", "feed")
                .whereLayer("importing").mayOnlyBeAccessedByLayers("feed", "bulk")
                .whereLayer("feed").mayNotBeAccessedByAnyLayer()
                .whereLayer("bulk").mayNotBeAccessedByAnyLayer()
                .check(SERVICE);
    }
}
