package dev.throng.engine.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The public keys of the agents a controller admits. Immutable.
 *
 * @param publicKeys Z85 public keys
 */
public record AllowList(Set<String> publicKeys) {
    public AllowList {
        publicKeys = Set.copyOf(publicKeys);
        publicKeys.forEach(key -> CurveKeys.requireKey(key, "allowed key"));
    }

    /** Whether the agent with this public key may join. */
    public boolean admits(String publicKey) {
        return publicKeys.contains(publicKey);
    }

    /**
     * The keys of every {@code *.pub} file in a folder (not its subfolders).
     *
     * @throws IOException if the folder or a file cannot be read or a file holds no valid key (named in the message)
     */
    public static AllowList fromDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(
                    directory + " is not a folder of agent public keys (make one with: throng keys init)");
        }
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && name.endsWith(".pub")) {
                    keys.add(CurveKeys.readPublic(file));
                }
            }
        }
        return new AllowList(keys);
    }
}
