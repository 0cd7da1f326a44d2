package dev.throng.engine.proof;

import dev.throng.demo.DemoShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A demo shop on a free loopback port for one test class, warmed up once ({@link ProofRuns#warmUp}) so the first
 * measured run does not pay for the JIT. Register as a static field: {@code @RegisterExtension static final WarmShop
 * shop = new WarmShop();}.
 */
final class WarmShop implements BeforeAllCallback, AfterAllCallback {
    private DemoShop shop;
    private Path warmDir;

    /** The running shop; only between the class's before-all and after-all. */
    DemoShop get() {
        if (shop == null) {
            throw new IllegalStateException("the shop runs only while the test class runs");
        }
        return shop;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        shop = DemoShop.start("127.0.0.1", 0);
        warmDir = Files.createTempDirectory("throng-warm");
        ProofRuns.warmUp(shop, warmDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (shop != null) {
            shop.close();
            shop = null;
        }
        if (warmDir != null) {
            try (var files = Files.walk(warmDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(WarmShop::delete);
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
