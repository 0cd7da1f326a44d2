package dev.throng.engine.project;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header row of a CSV data file (for validation) and splits CSV lines (also for the app's preview of a data
 * file). Stateless; thread-safe.
 */
public final class CsvHeader {

    /** The columns, or the reason they could not be read. */
    record Result(List<String> columns, String error) {}

    private CsvHeader() {}

    static Result read(Path file, char delimiter) {
        if (!Files.isRegularFile(file)) {
            return new Result(List.of(), "data file not found: " + file + " (paths are relative to the project file)");
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return new Result(List.of(), "data file " + file + " is empty: its first line must name the columns");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() > 100_000) {
                return new Result(List.of(), "data file " + file + ": the header line is too long");
            }
            return new Result(split(line, delimiter), null);
        } catch (NoSuchFileException e) {
            return new Result(List.of(), "data file not found: " + file);
        } catch (CharacterCodingException e) {
            return new Result(List.of(), "data file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            return new Result(List.of(), "cannot read data file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Splits one CSV line; fields may be quoted with {@code "} and quotes doubled inside; each field is stripped of
     * surrounding white space.
     */
    public static List<String> split(String line, char delimiter) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
