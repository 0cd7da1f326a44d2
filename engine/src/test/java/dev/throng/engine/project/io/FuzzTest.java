package dev.throng.engine.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds thousands of damaged project files to the reader: each must end in a project or in located problems, never
 * in an exception; and a project that is read must write and read back to itself.
 */
class FuzzTest {

    private static final long SEED = 0x7A1B_2026L;
    private static final int CASES = 3000;

    @TempDir
    Path dir;

    @Test
    void damagedFilesEndInAProjectOrInLocatedProblems() throws IOException {
        Samples.copyTo(dir);
        var bases = new ArrayList<byte[]>();
        for (Path p : Samples.projects()) {
            bases.add(Files.readAllBytes(p));
        }
        var generator = new ProjectGenerator(SEED);
        for (int i = 0; i < 4; i++) {
            bases.add(ProjectFiles.write(generator.project()).getBytes(StandardCharsets.UTF_8));
        }
        var random = new Random(SEED);
        Path file = dir.resolve("fuzz.throng.json");
        int projects = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] base = bases.get(random.nextInt(bases.size()));
            byte[] input = mutate(base, random, 1 + random.nextInt(3));
            ReadResult result;
            if (i % 3 == 0) {
                Files.write(file, input);
                result = ProjectFiles.read(file);
            } else {
                result = ProjectFiles.parse(new String(input, StandardCharsets.UTF_8), "fuzz.throng.json", dir);
            }
            int index = i;
            java.util.function.Supplier<String> context =
                    () -> "case " + index + ":\n" + new String(input, StandardCharsets.UTF_8);
            if (result.project() == null) {
                assertThat(result.errors()).as(context).isNotEmpty();
            } else {
                projects++;
                String text = ProjectFiles.write(result.project());
                assertThat(ProjectFiles.parse(text, "again").project())
                        .as(context)
                        .isEqualTo(result.project());
            }
            for (Problem p : result.problems()) {
                if (p.line() <= 0 || p.column() <= 0) {
                    throw new AssertionError("not located: " + p.format() + "\n" + context.get());
                }
                if (!p.file().equals(i % 3 == 0 ? file.toString() : "fuzz.throng.json")) {
                    throw new AssertionError("wrong file in " + p.format());
                }
            }
        }
        // the mutations are mild enough that some files stay readable, and strong enough that most do not
        assertThat(projects).isBetween(CASES / 50, CASES - CASES / 10);
    }

    private static byte[] mutate(byte[] base, Random random, int times) {
        byte[] bytes = base;
        for (int t = 0; t < times; t++) {
            bytes = switch (random.nextInt(9)) {
                case 0 -> flipByte(bytes, random);
                case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 2 -> editLines(bytes, random, false);
                case 3 -> editLines(bytes, random, true);
                case 4 -> swapType(bytes, random);
                case 5 -> replaceToken(bytes, random);
                case 6 -> deleteChar(bytes, random);
                case 7 -> nest(bytes, random);
                default -> swapLines(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] flipByte(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    private static byte[] deleteChar(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        return copy;
    }

    private static List<String> lines(byte[] bytes) {
        return new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] editLines(byte[] bytes, Random random, boolean duplicate) {
        var lines = lines(bytes);
        int at = random.nextInt(lines.size());
        if (duplicate) {
            lines.add(at, lines.get(at));
        } else {
            lines.remove(at);
        }
        return join(lines);
    }

    private static byte[] swapLines(byte[] bytes, Random random) {
        var lines = lines(bytes);
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return join(lines);
    }

    /** Replaces one value on a random line by a value of another type. */
    private static byte[] swapType(byte[] bytes, Random random) {
        var lines = lines(bytes);
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        int colon = line.indexOf("\": ");
        if (colon < 0) {
            return bytes;
        }
        String value = line.substring(colon + 3);
        String comma = value.endsWith(",") ? "," : "";
        String replacement = switch (random.nextInt(7)) {
            case 0 -> "42";
            case 1 -> "\"text\"";
            case 2 -> "true";
            case 3 -> "null";
            case 4 -> "[]";
            case 5 -> "{}";
            default -> "-1.5e400";
        };
        if (value.endsWith("{") || value.endsWith("[")) {
            return bytes;
        }
        lines.set(at, line.substring(0, colon + 3) + replacement + comma);
        return join(lines);
    }

    /** Replaces a known token (a key, an enum value, a duration, an id) by a near miss. */
    private static byte[] replaceToken(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[][] swaps = {
            {"\"weight\"", "\"wieght\""},
            {"\"unique\"", "\"uniq\""},
            {"\"closed\"", "\"close\""},
            {"\"request\"", "\"reqest\""},
            {"\"1m\"", "\"1 minute\""},
            {"\"to\": \"", "\"to\": \"x"},
            {"\"from\": \"", "\"from\": \"y"},
            {"${", "${nope"},
            {"throng-project/1", "throng-project/2"},
            {"\"mainFlow\": \"", "\"mainFlow\": \"z"},
            {"\"source\": \"", "\"source\": \"q"},
            {"0.3", "1.3"},
            {"\"status\"", "\"statuz\""},
            {"\"type\"", "\"kind\""},
        };
        String[] swap = swaps[random.nextInt(swaps.length)];
        int at = text.indexOf(swap[0]);
        if (at < 0) {
            return bytes;
        }
        return (text.substring(0, at) + swap[1] + text.substring(at + swap[0].length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Wraps a random line's value in many arrays (deep nesting). */
    private static byte[] nest(byte[] bytes, Random random) {
        var lines = lines(bytes);
        int at = random.nextInt(lines.size());
        int depth = random.nextBoolean() ? 5 : 5000;
        lines.add(at, "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2));
        return join(lines);
    }
}
