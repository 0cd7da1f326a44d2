package dev.throng.agent.cli;

import dev.throng.demo.DemoShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of {@code throng run} on the sample project share: for each test a demo shop on 127.0.0.1 (port 0)
 * and a temporary folder holding a copy of {@code samples/shop.throng.json} with the data file it reads.
 */
abstract class ShopCliTest extends CliTest {
    /** The test's temporary folder; the copied project is in it. */
    @TempDir
    protected Path dir;

    /** The shop the test runs against; started before each test, closed after it. */
    protected DemoShop shop;

    /** The copy of the sample project, {@code dir/shop.throng.json}. */
    protected Path project;

    @BeforeEach
    void startShopAndCopySample() throws IOException {
        shop = DemoShop.start("127.0.0.1", 0);
        // The sample reads data/accounts.csv relative to itself: copy both.
        Files.createDirectories(dir.resolve("data"));
        project = Files.copy(Path.of("../samples/shop.throng.json"), dir.resolve("shop.throng.json"));
        Files.copy(Path.of("../samples/data/accounts.csv"), dir.resolve("data/accounts.csv"));
    }

    @AfterEach
    void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    /** Runs {@code throng run PROJECT --host SHOP MORE_ARGS} in this JVM and returns its exit code. */
    protected int runOnShop(String... moreArgs) {
        return execute(Stream.concat(
                        Stream.of(
                                "run",
                                project.toString(),
                                "--host",
                                shop.baseUri().toString()),
                        Stream.of(moreArgs))
                .toArray(String[]::new));
    }
}
