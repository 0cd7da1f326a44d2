package dev.throng.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the shop needs: quoting strings for the responses it writes, and reading one flat object (the body
 * of {@code POST /api/v1/login}). Stateless; thread-safe.
 */
final class Json {
    private Json() {}

    /** Appends {@code value} as a JSON string literal, quotes included. */
    static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** {@code value} as a JSON string literal, quotes included. */
    static String quote(String value) {
        return quote(new StringBuilder(value.length() + 2), value).toString();
    }

    /**
     * Reads a JSON object whose values are strings, numbers, booleans or null. Strings come back unescaped, numbers
     * and booleans as their text; null members are left out.
     *
     * @throws BadRequest if the text is not such an object
     */
    static Map<String, String> parseFlatObject(String text) {
        return new FlatObjectReader(text).read();
    }

    private static final class FlatObjectReader {
        private final String text;
        private int pos;

        FlatObjectReader(String text) {
            this.text = text;
        }

        Map<String, String> read() {
            Map<String, String> members = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    String name = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    String value = value();
                    if (value != null) {
                        members.put(name, value);
                    }
                    skipSpace();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or '}'");
                    }
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the object");
            }
            return members;
        }

        private String value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                throw error("nested objects and arrays are not accepted here");
            }
            int start = pos;
            while (pos < text.length() && "-+.0123456789eEtruefalsn".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String literal = text.substring(start, pos);
            if (literal.equals("null")) {
                return null;
            }
            if (literal.equals("true") || literal.equals("false") || isNumber(literal)) {
                return literal;
            }
            pos = start;
            throw error("expected a string, number, true, false or null");
        }

        private static boolean isNumber(String literal) {
            return literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("expected '" + c + "'");
            }
        }

        private BadRequest error(String what) {
            return new BadRequest("the body is not a flat JSON object: " + what + " at character " + (pos + 1));
        }
    }
}
