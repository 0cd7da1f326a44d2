package dev.throng.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering of the desktop app (STYLE.md, "Shape of the code" 1 and 9). */
class AppArchitectureTest {
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.throng.app");
    }

    @Test
    void appNeverUsesTheHeadlessProgram() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.throng.agent..", "picocli..")
                .because("the app and the agent never import each other")
                .check(app);
    }

    @Test
    void appGoesThroughTheEngineApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.hc..", "org.zeromq..", "zmq..")
                .because("the app never talks to sockets of the engine directly (DESIGN.md, Modules)")
                .check(app);
    }

    @Test
    void viewModelsHaveNoScene() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..")
                .because("view-models are tested as plain objects; only views touch the scene graph (STYLE.md 9)")
                .allowEmptyShould(true)
                .check(app);
    }
}
