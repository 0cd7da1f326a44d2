package dev.throng.engine.project.io;

import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads and writes project files, format {@code throng-project/1}: pretty-printed JSON (two spaces), members in a
 * fixed order, {@code "format"} first, durations as text ({@code "500ms"}), paths relative to the file. Stateless;
 * thread-safe.
 *
 * <p>Reading never throws for bad input: syntax, type, unknown-field, missing-field and semantic problems (from
 * {@link dev.throng.engine.project.Validator}) all come back in one {@link ReadResult}, each with file, JSON path,
 * line and column.
 */
public final class ProjectFiles {

    /** Files larger than this (20 MB) are refused before parsing. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    /** The format this version writes, e.g. {@code throng-project/1}. */
    public static final String FORMAT = Migrations.PREFIX + Migrations.CURRENT;

    /** The usual ending of project file names. */
    public static final String EXTENSION = ".throng.json";

    private static final ProjectReader READER = new ProjectReader(Migrations.STANDARD);

    private ProjectFiles() {}

    /**
     * Reads, migrates and validates a project file; data files are looked up beside it. Problems name the file as
     * {@code file} was given. Blocks on file I/O; never throws for bad input or I/O failures.
     */
    public static ReadResult read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return fail(Problem.error(
                                "$",
                                "the file is " + size + " bytes; a project file is at most "
                                        + MAX_FILE_BYTES / (1024 * 1024) + " MB (is this a project file?)")
                        .at(name, 1, 1));
            }
            if (Files.isDirectory(file)) {
                return fail(Problem.error("$", "this is a directory, not a project file")
                        .at(name, 0, 0));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return fail(Problem.error("$", "file not found").at(name, 0, 0));
        } catch (AccessDeniedException e) {
            return fail(Problem.error("$", "permission denied: cannot read the file")
                    .at(name, 0, 0));
        } catch (IOException | SecurityException e) {
            return fail(Problem.error("$", "cannot read the file: " + e.getMessage())
                    .at(name, 0, 0));
        }
        String text = decode(bytes, name);
        if (text == null) {
            return fail(utf8Problem(bytes, name));
        }
        Path dir = file.toAbsolutePath().getParent();
        return READER.read(text, name, dir);
    }

    /**
     * Reads a project from text; {@code sourceName} names it in problems. Data files are not checked (there is no
     * directory to look in); unknown variables are then warnings. Never throws for bad input.
     */
    public static ReadResult parse(String json, String sourceName) {
        return parse(json, sourceName, null);
    }

    /** As {@link #parse(String, String)}, resolving data files against {@code projectDirectory} (may be null). */
    public static ReadResult parse(String json, String sourceName, Path projectDirectory) {
        return READER.read(json == null ? "" : json, sourceName, projectDirectory);
    }

    /**
     * The canonical text of {@code project}, ending with a newline. The same project always gives the same text.
     *
     * @throws IllegalArgumentException when a number of the project is not finite (NaN or infinite), which JSON
     *     cannot hold
     */
    public static String write(Project project) {
        var writer = new ProjectWriter();
        var tree = writer.write(project);
        return new CanonicalPrinter(writer.inline).print(tree);
    }

    /**
     * Writes {@code project} to {@code file} atomically: the text goes to a temporary file in the same directory,
     * is forced to disk, then renamed over {@code file}; readers see the old or the new file, never a part. Blocks on
     * file I/O.
     */
    public static void save(Project project, Path file) throws IOException {
        byte[] bytes = write(project).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        // not createTempFile: its owner-only permissions would end up on the project file
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.identityHashCode(bytes))
                + Long.toHexString(Thread.currentThread().threadId()) + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        try {
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Gives {@code temp} the POSIX permissions of {@code target} when both support them and target exists. */
    private static void copyPermissions(Path target, Path temp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not allowed: the new file keeps the default permissions
        }
    }

    private static ReadResult fail(Problem problem) {
        return new ReadResult(null, List.of(problem));
    }

    private static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** Where the first invalid UTF-8 byte is, as a located problem. */
    private static Problem utf8Problem(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        int offset = result.isError() ? in.position() : bytes.length;
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Problem.error(
                        "$",
                        "not UTF-8 text: invalid byte 0x"
                                + String.format("%02x", bytes[Math.min(offset, bytes.length - 1)]) + " at byte offset "
                                + offset + " (save the file as UTF-8)")
                .at(name, line, column);
    }
}
