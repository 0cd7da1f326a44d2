package dev.throng.engine.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.zeromq.ZMQ;

/**
 * Makes CURVE key pairs and reads and writes key files.
 *
 * <p>File format (text, UTF-8, the same {@code name = "value"} lines as ZeroMQ's certificate files, so those can be
 * read too):
 *
 * <pre>
 * # comment lines
 * public-key = "Z85 public key"
 * secret-key = "Z85 secret key"      (only in secret files)
 * </pre>
 *
 * <p>Secret files are created with permissions 600 where the file system is POSIX. Stateless and thread-safe.
 */
public final class CurveKeys {
    private static final String Z85_ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private CurveKeys() {}

    /** A new random key pair. */
    public static CurveKeyPair generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new CurveKeyPair(pair.publicKey, pair.secretKey);
    }

    /** Whether {@code key} is a 40-character Z85 key. */
    public static boolean isKey(String key) {
        if (key == null || key.length() != 40) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Z85_ALPHABET.indexOf(key.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static void requireKey(String key, String what) {
        if (!isKey(key)) {
            throw new IllegalArgumentException(what + " is not a 40-character Z85 CURVE key");
        }
    }

    /** The 32 bytes of a Z85 key. */
    static byte[] decode(String key) {
        requireKey(key, "key");
        return ZMQ.Curve.z85Decode(key);
    }

    /** A short form of a public key for messages: its first 8 characters and an ellipsis. */
    public static String abbreviate(String publicKey) {
        return publicKey.length() <= 8 ? publicKey : publicKey.substring(0, 8) + "…";
    }

    /**
     * Writes a secret key file (both keys), readable by its owner only where POSIX.
     *
     * @throws FileAlreadyExistsException if the file exists (keys are never overwritten)
     */
    public static void writeSecret(Path file, CurveKeyPair pair, String comment) throws IOException {
        String text = "# " + comment + "\n# Secret: keep this file private.\n"
                + "public-key = \"" + pair.publicKey() + "\"\n"
                + "secret-key = \"" + pair.secretKey() + "\"\n";
        write(file, text, true);
    }

    /**
     * Writes a public key file.
     *
     * @throws FileAlreadyExistsException if the file exists
     */
    public static void writePublic(Path file, String publicKey, String comment) throws IOException {
        requireKey(publicKey, "public key");
        write(file, "# " + comment + "\npublic-key = \"" + publicKey + "\"\n", false);
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
        if (secret && posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * Reads a secret key file.
     *
     * @throws IOException if it cannot be read, or it lacks a valid {@code public-key} or {@code secret-key} (the
     *     message names the file)
     */
    public static CurveKeyPair readSecret(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new CurveKeyPair(field(file, lines, "public-key"), field(file, lines, "secret-key"));
    }

    /** Reads the public key of a public or secret key file. */
    public static String readPublic(Path file) throws IOException {
        return field(file, Files.readAllLines(file, StandardCharsets.UTF_8), "public-key");
    }

    private static String field(Path file, List<String> lines, String name) throws IOException {
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).strip().equals(name)) {
                String value = line.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!isKey(value)) {
                    throw new IOException(file + ": " + name + " is not a 40-character Z85 CURVE key");
                }
                return value;
            }
        }
        throw new IOException(file + ": no " + name + " line (expected " + name + " = \"...\")");
    }
}
