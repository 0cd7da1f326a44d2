package dev.throng.engine.user.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses CSV text: fields separated by a delimiter, optionally in double quotes (a quote inside is doubled), records
 * ended by LF or CRLF; line breaks inside quotes belong to the field. Blank lines are skipped. Stateless.
 */
public final class Csv {
    private Csv() {}

    /**
     * The records of {@code text}, each a list of fields.
     *
     * @throws IllegalArgumentException when a quote is not closed (the message gives the line)
     */
    public static List<List<String>> parse(String text, char delimiter) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                endRecord(records, record, field);
                record = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote opened on line " + quoteLine + " is never closed");
        }
        endRecord(records, record, field);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
        if (record.isEmpty() && field.isEmpty()) {
            return; // blank line
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(List.copyOf(record));
    }
}
