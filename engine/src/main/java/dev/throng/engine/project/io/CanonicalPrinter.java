package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Prints a JSON tree in the canonical layout of project files: two-space indent, one member per line, members in
 * tree order, {@code "key": value}, lists of plain values and marked objects on one line, a final newline. The same
 * tree always prints the same text. Package-private; stateless apart from the output buffer.
 */
final class CanonicalPrinter {

    private final Set<ObjectNode> inline;
    private final StringBuilder out = new StringBuilder();

    CanonicalPrinter(Set<ObjectNode> inline) {
        this.inline = inline;
    }

    String print(JsonNode root) {
        value(root, 0);
        out.append('\n');
        return out.toString();
    }

    private void value(JsonNode node, int indent) {
        if (node.isObject()) {
            if (inline.contains((ObjectNode) node) || node.isEmpty()) {
                inlineValue(node);
            } else {
                object(node, indent);
            }
        } else if (node.isArray()) {
            array(node, indent);
        } else {
            scalar(node);
        }
    }

    private void object(JsonNode node, int indent) {
        out.append("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            pad(indent + 2);
            string(e.getKey());
            out.append(": ");
            value(e.getValue(), indent + 2);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(indent);
        out.append('}');
    }

    private void array(JsonNode node, int indent) {
        boolean flat = true;
        for (JsonNode element : node) {
            flat &= element.isValueNode();
        }
        if (flat || node.isEmpty()) {
            inlineValue(node);
            return;
        }
        out.append("[\n");
        for (int i = 0; i < node.size(); i++) {
            pad(indent + 2);
            value(node.get(i), indent + 2);
            out.append(i + 1 < node.size() ? ",\n" : "\n");
        }
        pad(indent);
        out.append(']');
    }

    /** Any value on one line: {@code {"a": 1, "b": [2, 3]}}. */
    private void inlineValue(JsonNode node) {
        if (node.isObject()) {
            out.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                string(e.getKey());
                out.append(": ");
                inlineValue(e.getValue());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                inlineValue(node.get(i));
                if (i + 1 < node.size()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else {
            scalar(node);
        }
    }

    private void scalar(JsonNode node) {
        if (node.isTextual()) {
            string(node.textValue());
        } else if (node.isDouble() || node.isFloat()) {
            out.append(Double.toString(node.doubleValue()));
        } else {
            out.append(node.asText());
        }
    }

    private void pad(int n) {
        out.repeat(' ', n);
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean loneSurrogate = Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c)
                                    && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
