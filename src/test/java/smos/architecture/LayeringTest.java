package smos.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine knows nothing of HTTP; the HTTP layer and the console know nothing of Drools (README, "Layout"). */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("smos");
    }

    @Test
    void theEngineIsFreeOfJavalin() {
        noClasses().that().resideInAPackage("smos.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "smos.api..").check(classes);
    }

    @Test
    void theHttpLayerIsFreeOfDrools() {
        noClasses().that().resideInAPackage("smos.api..").should().dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..", "org.apache.poi..").check(classes);
    }

    @Test
    void theConsoleIsFreeOfDrools() {
        noClasses().that().resideInAPackage("smos.console..").should().dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..", "org.apache.poi..").check(classes);
    }

    @Test
    void theConsoleUsesTheServicesNotTheApi() {
        // it signs in with the API's tokens through a function it is given, so the two stay apart
        noClasses().that().resideInAPackage("smos.console..").should().dependOnClassesThat()
                .resideInAnyPackage("smos.api..", "smos.cli..").check(classes);
    }

    @Test
    void onlyTheHttpLayerAndTheCliKnowHttp() {
        noClasses().that().resideOutsideOfPackages("smos.api..", "smos.cli..", "smos.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "smos.api..", "smos.cli..")
                .check(classes);
    }

    @Test
    void theServiceIsFreeOfHttp() {
        noClasses().that().resideInAPackage("smos.service..").should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "smos.api..", "smos.cli..").check(classes);
    }
}
