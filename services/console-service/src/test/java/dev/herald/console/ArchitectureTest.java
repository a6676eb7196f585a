package dev.herald.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * How the console's features may use each other: the pages of each role stand alone on the platform's
 * API client; sign-in provides the token the client relays and knows no page.
 */
class ArchitectureTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.herald.console");

    @Test
    void eachRolesPagesUseOnlyThePlatformClient() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy("dev.herald.console.platform..")
                .layer("signin").definedBy("dev.herald.console.signin..")
                .layer("reader").definedBy("dev.herald.console.reader..")
                .layer("moderator").definedBy("dev.herald.console.moderator..")
                .layer("unit").definedBy("dev.herald.console.unit..")
                .layer("subscriber").definedBy("dev.herald.console.subscriber..")
                .layer("admin").definedBy("dev.herald.console.admin..")
                .whereLayer("signin").mayNotBeAccessedByAnyLayer()
                .whereLayer("reader").mayNotBeAccessedByAnyLayer()
                .whereLayer("moderator").mayNotBeAccessedByAnyLayer()
                .whereLayer("unit").mayNotBeAccessedByAnyLayer()
                .whereLayer("subscriber").mayNotBeAccessedByAnyLayer()
                .whereLayer("admin").mayNotBeAccessedByAnyLayer()
                .check(CONSOLE);
    }
}
