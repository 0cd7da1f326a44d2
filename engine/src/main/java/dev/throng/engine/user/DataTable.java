package dev.throng.engine.user;

import dev.throng.engine.user.internal.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a CSV file with a header row: each row maps the header's column names to the row's fields (missing
 * fields are empty). Immutable; thread-safe.
 *
 * @param columns the column names, in file order
 * @param rows the rows, in file order
 */
public record DataTable(List<String> columns, List<Map<String, String>> rows) {
    public DataTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code file} (UTF-8).
     *
     * @throws IOException when it cannot be read or is not CSV; the message names the file and the problem
     */
    public static DataTable read(Path file, char delimiter) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read the data file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text, delimiter);
        } catch (IllegalArgumentException e) {
            throw new IOException("the data file " + file + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** Parses CSV text whose first record is the header row. */
    public static DataTable parse(String text, char delimiter) {
        var records = Csv.parse(text, delimiter);
        if (records.isEmpty()) {
            return new DataTable(List.of(), List.of());
        }
        var header = records.getFirst().stream().map(String::strip).toList();
        var rows = new ArrayList<Map<String, String>>(records.size() - 1);
        for (var record : records.subList(1, records.size())) {
            var row = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < record.size() ? record.get(c) : "");
            }
            rows.add(Collections.unmodifiableMap(row));
        }
        return new DataTable(header, rows);
    }

    public int size() {
        return rows.size();
    }
}
