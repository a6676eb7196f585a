package dev.herald.launcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries the brief fixes, checked on the compiled code of every module. */
@AnalyzeClasses(packages = "dev.herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule servicesKnowEachOtherOnlyThroughEventsAndHttp = slices()
            .matching("dev.herald.(ingest|moderation|search|notification|console)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule eventContractsCarryNoFramework = classes()
            .that().resideInAPackage("dev.herald.events..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.herald.events..");

    // the one library it uses is smartcn's segmenter, for word boundaries that agree with search's words
    @ArchTest
    static final ArchRule chineseTextIsPlainJavaAndTheSegmenter = classes()
            .that().resideInAPackage("dev.herald.text..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.herald.text..", "org.apache.lucene.analysis..");

    @ArchTest
    static final ArchRule sharedSupportHoldsNoServiceLogic = noClasses()
            .that().resideInAnyPackage("dev.herald.support..", "dev.herald.events..", "dev.herald.text..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.herald.ingest..", "dev.herald.moderation..", "dev.herald.search..", "dev.herald.notification..");

    @ArchTest
    static final ArchRule servicesDoNotDependOnDevOnlyInfrastructure = noClasses()
            .that().resideInAnyPackage("dev.herald.ingest..", "dev.herald.moderation..", "dev.herald.search..", "dev.herald.notification..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.herald.infra..", "dev.herald.launcher..", "dev.herald.auth..");

    @ArchTest
    static final ArchRule controllersGoThroughServicesNotRepositories = noClasses()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");
}
