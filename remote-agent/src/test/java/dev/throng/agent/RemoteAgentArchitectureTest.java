package dev.throng.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering of the headless program (STYLE.md, "Shape of the code"). */
class RemoteAgentArchitectureTest {
    private static JavaClasses agent;

    @BeforeAll
    static void importAgent() {
        agent = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.throng.agent");
    }

    @Test
    void headlessProgramNeverUsesTheApp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.throng.app..", "javafx..", "io.fair_acc..", "org.controlsfx..")
                .because("agents run on servers without a display; the app and the agent never import each other")
                .check(agent);
    }

    @Test
    void goesThroughTheEngineApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.hc..", "org.zeromq..", "zmq..", "org.HdrHistogram..")
                .because("HTTP, sockets and histograms are the engine's business; the CLI only uses its public API")
                .check(agent);
    }
}
