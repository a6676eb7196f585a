package dev.herald.moderation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the moderation service's features may use each other, pinned so that a new dependency between features is
 * a decision someone makes in this file rather than an accident. The platform-wide rules (no service
 * imports another, shared code holds no service logic) are in the launcher's ArchitectureTest.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.herald.moderation");

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("dev.herald.moderation.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void eachFeatureIsUsedOnlyByTheFeaturesBuiltOnIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("screening").definedBy("dev.herald.moderation.screening..")
                .layer("workflow").definedBy("dev.herald.moderation.workflow..")
                .layer("review").definedBy("dev.herald.moderation.review..")
                // screening judges text and knows nothing of reviews, so it can be evaluated on its own
                .whereLayer("screening").mayOnlyBeAccessedByLayers("review")
                // a workflow says which stages a report passes; the review walks it, never the other way round
                .whereLayer("workflow").mayOnlyBeAccessedByLayers("review")
                .whereLayer("review").mayNotBeAccessedByAnyLayer()
                .check(SERVICE);
    }
}
