package dev.throng.engine.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of CURVE keys for a controller and its agents, as made by {@code throng keys init DIR}:
 *
 * <pre>
 * DIR/controller.key          the controller's key pair (secret, mode 600)
 * DIR/controller.pub          the controller's public key: copy it to every agent
 * DIR/agents/agent-N.key      agent N's key pair (secret, mode 600): copy it to agent N only
 * DIR/agents/agent-N.pub      agent N's public key
 * DIR/authorized/agent-N.pub  the agents the controller admits (remove a file to revoke an agent)
 * </pre>
 *
 * <p>An agent machine needs a folder with {@code controller.pub} and its own key, either as {@code agent.key} or as
 * the only {@code agents/*.key} file. Stateless and thread-safe.
 */
public final class KeyStoreDir {
    public static final String CONTROLLER_KEY = "controller.key";
    public static final String CONTROLLER_PUB = "controller.pub";
    public static final String AGENTS = "agents";
    public static final String AUTHORIZED = "authorized";
    public static final String AGENT_KEY = "agent.key";

    private KeyStoreDir() {}

    /**
     * What {@link #init(Path, int)} wrote.
     *
     * @param directory the key folder
     * @param controllerPublicKey the controller's public key
     * @param files every file written, in order
     */
    public record Written(Path directory, String controllerPublicKey, List<Path> files) {
        public Written {
            files = List.copyOf(files);
        }

        /** A text for people: what was written and what to copy where. */
        public String describe() {
            var text = new StringBuilder();
            text.append("Wrote ")
                    .append(files.size())
                    .append(" key files in ")
                    .append(directory)
                    .append(":\n");
            for (Path file : files) {
                text.append("  ").append(directory.relativize(file)).append('\n');
            }
            text.append("Controller public key: ").append(controllerPublicKey).append('\n');
            text.append("The controller uses ")
                    .append(CONTROLLER_KEY)
                    .append(" and admits the agents whose keys are in ")
                    .append(AUTHORIZED)
                    .append("/ (delete a file there to revoke an agent).\n");
            text.append("On each agent machine, put ")
                    .append(CONTROLLER_PUB)
                    .append(" and that agent's own ")
                    .append(AGENTS)
                    .append("/agent-N.key (renamed ")
                    .append(AGENT_KEY)
                    .append(") in a folder passed with --keys. Keep the .key files secret.\n");
            return text.toString();
        }
    }

    /**
     * Makes the controller's key pair and {@code agentKeys} agent key pairs in {@code directory} (created if needed).
     *
     * @throws IOException if a key file already exists (nothing is overwritten: the message says which file and
     *     what to do), or a file cannot be written
     * @throws IllegalArgumentException if {@code agentKeys} is negative
     */
    public static Written init(Path directory, int agentKeys) throws IOException {
        if (agentKeys < 0) {
            throw new IllegalArgumentException("the number of agent keys must be 0 or more, got " + agentKeys);
        }
        Path agents = directory.resolve(AGENTS);
        Path authorized = directory.resolve(AUTHORIZED);
        List<Path> planned =
                new ArrayList<>(List.of(directory.resolve(CONTROLLER_KEY), directory.resolve(CONTROLLER_PUB)));
        for (int n = 1; n <= agentKeys; n++) {
            planned.add(agents.resolve("agent-" + n + ".key"));
            planned.add(agents.resolve("agent-" + n + ".pub"));
            planned.add(authorized.resolve("agent-" + n + ".pub"));
        }
        for (Path file : planned) {
            if (Files.exists(file)) {
                throw new IOException(file + " already exists: keys are never overwritten. Choose an empty folder, or"
                        + " delete the old keys first (agents using them will no longer be admitted).");
            }
        }
        Files.createDirectories(agents);
        Files.createDirectories(authorized);

        List<Path> written = new ArrayList<>();
        CurveKeyPair controller = CurveKeys.generate();
        CurveKeys.writeSecret(planned.get(0), controller, "Throng controller key pair");
        written.add(planned.get(0));
        CurveKeys.writePublic(planned.get(1), controller.publicKey(), "Throng controller public key");
        written.add(planned.get(1));
        for (int n = 1; n <= agentKeys; n++) {
            CurveKeyPair agent = CurveKeys.generate();
            String name = "agent-" + n;
            CurveKeys.writeSecret(agents.resolve(name + ".key"), agent, "Throng " + name + " key pair");
            CurveKeys.writePublic(agents.resolve(name + ".pub"), agent.publicKey(), "Throng " + name + " public key");
            CurveKeys.writePublic(
                    authorized.resolve(name + ".pub"), agent.publicKey(), "Throng " + name + ": admitted");
            written.add(agents.resolve(name + ".key"));
            written.add(agents.resolve(name + ".pub"));
            written.add(authorized.resolve(name + ".pub"));
        }
        return new Written(directory, controller.publicKey(), written);
    }

    /**
     * The controller's side of a key folder: its key pair and the allow-list.
     *
     * @param keys the controller's key pair
     * @param allowList the agents it admits
     */
    public record ControllerKeys(CurveKeyPair keys, AllowList allowList) {}

    /**
     * An agent's side of a key folder: its key pair and the controller's public key it pins.
     *
     * @param keys the agent's key pair
     * @param controllerPublicKey the controller's public key
     */
    public record AgentKeys(CurveKeyPair keys, String controllerPublicKey) {}

    /** Reads {@code controller.key} and {@code authorized/*.pub}. Errors name the file and what to do. */
    public static ControllerKeys readControllerKeys(Path directory) throws IOException {
        Path keyFile = directory.resolve(CONTROLLER_KEY);
        if (!Files.isRegularFile(keyFile)) {
            throw new IOException("no " + CONTROLLER_KEY + " in " + directory + " (make one with: throng keys init "
                    + directory + ")");
        }
        return new ControllerKeys(
                CurveKeys.readSecret(keyFile), AllowList.fromDirectory(directory.resolve(AUTHORIZED)));
    }

    /**
     * Reads {@code controller.pub} and the agent's key: {@code agent.key}, else the only {@code agents/*.key}.
     * Errors name the folder and what to do.
     */
    public static AgentKeys readAgentKeys(Path directory) throws IOException {
        Path controllerPub = directory.resolve(CONTROLLER_PUB);
        if (!Files.isRegularFile(controllerPub)) {
            throw new IOException(
                    "no " + CONTROLLER_PUB + " in " + directory + ": copy it from the controller's key folder");
        }
        Path keyFile = directory.resolve(AGENT_KEY);
        if (!Files.isRegularFile(keyFile)) {
            List<Path> candidates = List.of();
            Path agents = directory.resolve(AGENTS);
            if (Files.isDirectory(agents)) {
                try (Stream<Path> files = Files.list(agents)) {
                    candidates = files.filter(f -> f.getFileName().toString().endsWith(".key"))
                            .sorted()
                            .toList();
                }
            }
            if (candidates.size() != 1) {
                throw new IOException("no " + AGENT_KEY + " in " + directory
                        + (candidates.isEmpty()
                                ? ""
                                : " and " + candidates.size() + " keys in " + agents + " (which one is this agent's?)")
                        + ": copy this agent's agents/agent-N.key from the controller's key folder as " + AGENT_KEY);
            }
            keyFile = candidates.getFirst();
        }
        return new AgentKeys(CurveKeys.readSecret(keyFile), CurveKeys.readPublic(controllerPub));
    }
}
