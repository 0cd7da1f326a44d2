package dev.throng.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's layering rules (STYLE.md, "Shape of the code"). */
class EngineArchitectureTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.throng.engine");
    }

    @Test
    void engineHasNoUserInterface() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.fair_acc..", "org.controlsfx..", "picocli..")
                .because("the engine runs headless on agents and in CI; only the app may use JavaFX")
                .check(engine);
    }

    @Test
    void engineKnowsNothingOfItsFrontEnds() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.throng.app..", "dev.throng.agent..")
                .because("the app and the command line depend on the engine, never the other way round")
                .check(engine);
    }

    @Test
    void onlyTheHttpPackageTouchesHttpClient() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.throng.engine.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.hc..")
                .because("HTTP execution is one package, so the client can be tuned or replaced in one place")
                .check(engine);
    }

    @Test
    void onlyTheTransportTouchesZeroMq() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.throng.engine.transport..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.zeromq..", "zmq..")
                .because("each ZeroMQ socket has one owning thread, and that discipline lives in one package")
                .check(engine);
    }

    @Test
    void onlyCodecsTouchJackson() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.throng.engine.project.io..",
                        "dev.throng.engine.protocol..",
                        "dev.throng.engine.report..",
                        "dev.throng.engine.imports..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..")
                .because("JSON is a concern of the file format, the protocol, the reports and the importers only")
                .check(engine);
    }

    @Test
    void onlyTheSystemClockReadsSystemTime() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.throng.engine.time.SystemClock")
                .should()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Thread.class, "sleep", long.class)
                .because("time is injected (STYLE.md 5) so ramps, pacing and timeouts are testable with a fake clock")
                .check(engine);
    }
}
