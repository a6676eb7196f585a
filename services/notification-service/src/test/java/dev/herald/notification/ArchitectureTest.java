package dev.herald.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the notification service's features may use each other, pinned so that a new dependency between features is
 * a decision someone makes in this file rather than an accident. The platform-wide rules (no service
 * imports another, shared code holds no service logic) are in the launcher's ArchitectureTest.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.herald.notification");

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        slices().matching("dev.herald.notification.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void eachFeatureIsUsedOnlyByTheFeaturesBuiltOnIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("matching").definedBy("dev.herald.notification.matching..")
                .layer("secret").definedBy("dev.herald.notification.secret..")
                .layer("link").definedBy("dev.herald.notification.link..")
                .layer("subscription").definedBy("dev.herald.notification.subscription..")
                .layer("delivery").definedBy("dev.herald.notification.delivery..")
                .layer("webhook").definedBy("dev.herald.notification.webhook..")
                .layer("email").definedBy("dev.herald.notification.email..")
                .layer("digest").definedBy("dev.herald.notification.digest..")
                .layer("inbox").definedBy("dev.herald.notification.inbox..")
                // matching is pure: it decides which subscriptions an article meets and sends nothing
                .whereLayer("matching").mayOnlyBeAccessedByLayers("subscription")
                .whereLayer("secret").mayOnlyBeAccessedByLayers("subscription", "link")
                .whereLayer("link").mayOnlyBeAccessedByLayers("subscription", "webhook", "email")
                .whereLayer("subscription").mayOnlyBeAccessedByLayers("delivery", "webhook", "email", "digest", "inbox")
                // delivery holds what every channel shares (notices, statuses, meters); a channel's own code is its own
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("webhook", "email", "digest", "inbox")
                .whereLayer("webhook").mayOnlyBeAccessedByLayers("inbox")
                .whereLayer("email").mayOnlyBeAccessedByLayers("inbox")
                .whereLayer("digest").mayNotBeAccessedByAnyLayer()
                .whereLayer("inbox").mayNotBeAccessedByAnyLayer()
                .check(SERVICE);
    }
}
