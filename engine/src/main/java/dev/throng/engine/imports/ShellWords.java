package dev.throng.engine.imports;

import java.util.ArrayList;
import java.util.List;

/** Splits a POSIX shell command line into words: quotes, backslash escapes and line continuations. */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < n && (line.charAt(i + 1) == '\n' || line.charAt(i + 1) == '\r')) {
                i += 2;
                if (i < n && line.charAt(i - 1) == '\r' && line.charAt(i) == '\n') {
                    i++;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            switch (c) {
                case '\'' -> {
                    int close = line.indexOf('\'', i + 1);
                    if (close < 0) {
                        throw new ImportException("the command has an unclosed single quote (') after \""
                                + excerpt(line, i) + "\"; close it and try again");
                    }
                    word.append(line, i + 1, close);
                    i = close + 1;
                }
                case '"' -> i = doubleQuoted(line, i + 1, word);
                case '\\' -> {
                    if (i + 1 < n) {
                        word.append(line.charAt(i + 1));
                    }
                    i += 2;
                }
                case '$' -> {
                    if (i + 1 < n && line.charAt(i + 1) == '\'') {
                        i = ansiQuoted(line, i + 2, word);
                    } else {
                        word.append(c);
                        i++;
                    }
                }
                default -> {
                    word.append(c);
                    i++;
                }
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int doubleQuoted(String line, int i, StringBuilder word) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            word.append(c);
            i++;
        }
        throw new ImportException("the command has an unclosed double quote (\"); close it and try again");
    }

    /** Bash's {@code $'...'} quoting, as browsers' "copy as cURL" produces it. */
    private static int ansiQuoted(String line, int i, StringBuilder word) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                char e = line.charAt(i + 1);
                switch (e) {
                    case 'n' -> word.append('\n');
                    case 't' -> word.append('\t');
                    case 'r' -> word.append('\r');
                    case 'u' -> {
                        if (i + 6 <= n) {
                            word.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                            i += 4;
                        }
                    }
                    default -> word.append(e);
                }
                i += 2;
                continue;
            }
            word.append(c);
            i++;
        }
        throw new ImportException("the command has an unclosed $'...' quote; close it and try again");
    }

    private static String excerpt(String line, int from) {
        String s = line.substring(from);
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
