package dev.throng.agent.session;

import dev.throng.engine.transport.KeyStoreDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key folders and the sample project for the farm's tests. */
final class FarmFixture {
    private FarmFixture() {}

    /** Copies the demo shop's sample project (and its data) into {@code dir}; returns the project file. */
    static Path sampleProject(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("../samples/shop.throng.json"), dir.resolve("shop.throng.json"));
        Files.copy(Path.of("../samples/data/accounts.csv"), dir.resolve("data/accounts.csv"));
        return dir.resolve("shop.throng.json");
    }

    /** An agent's folder as an operator makes it: {@code controller.pub} and {@code agent.key}. */
    static Path agentFolder(Path keys, int n, Path into) throws IOException {
        return agentFolder(keys.resolve(KeyStoreDir.CONTROLLER_PUB), keys.resolve("agents/agent-" + n + ".key"), into);
    }

    static Path agentFolder(Path controllerPub, Path agentKey, Path into) throws IOException {
        Files.createDirectories(into);
        Files.copy(controllerPub, into.resolve(KeyStoreDir.CONTROLLER_PUB));
        Files.copy(agentKey, into.resolve(KeyStoreDir.AGENT_KEY));
        return into;
    }
}
