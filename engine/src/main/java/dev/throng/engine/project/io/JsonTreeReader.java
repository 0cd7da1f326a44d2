package dev.throng.engine.project.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.Problem;
import java.io.IOException;
import java.util.List;

/**
 * Reads JSON text into a Jackson tree while recording where each value and key starts, and reports duplicate keys.
 * Syntax errors end the reading with one located problem. Package-private; one instance per read (not thread-safe).
 */
final class JsonTreeReader {

    /** The deepest nesting accepted; real projects stay far below it. */
    static final int MAX_DEPTH = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 10)
                    .maxStringLength(ProjectFiles.MAX_FILE_BYTES)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Problem> problems;
    private final SourceMap.Builder map;

    /** Thrown to stop reading at a structure nested too deeply, with its location. */
    private static final class TooDeep extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        TooDeep(int line, int column) {
            super("nested too deeply");
            this.line = line;
            this.column = column;
        }
    }

    JsonTreeReader(List<Problem> problems, SourceMap.Builder map) {
        this.problems = problems;
        this.map = map;
    }

    /** The root value, or {@code null} after reporting a syntax problem. */
    JsonNode read(String text) {
        JsonParser parser = null;
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(
                        Problem.error("$", "the file is empty: a project starts with {\"format\": \"throng-project/1\"")
                                .at(null, 1, 1));
                return null;
            }
            JsonNode root = value(p, "$", 0);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(Problem.error("$", "unexpected content after the end of the project (a second value?)")
                        .at(null, at.getLineNr(), at.getColumnNr()));
                return null;
            }
            return root;
        } catch (TooDeep e) {
            problems.add(Problem.error("$", "nested more than " + MAX_DEPTH + " levels deep: not a project file")
                    .at(null, e.line, e.column));
            return null;
        } catch (JsonProcessingException e) {
            // some limits (number length, for one) are reported without a location: use where the parser stopped
            JsonLocation at =
                    e.getLocation() != null ? e.getLocation() : parser != null ? parser.currentLocation() : null;
            problems.add(Problem.error("$", "not valid JSON: " + describe(e))
                    .at(
                            null,
                            at == null ? 0 : Math.max(at.getLineNr(), 0),
                            at == null ? 0 : Math.max(0, at.getColumnNr())));
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.error("$", "not valid JSON: " + e.getMessage()));
            return null;
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        // Jackson names its own source ("[Source: REDACTED ...]") inside some messages; our problem has the location.
        int source = message.indexOf(" (start marker at [Source:");
        if (source < 0) {
            source = message.indexOf(" at [Source:");
        }
        if (source >= 0) {
            message = message.substring(0, source);
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends too early (truncated?): " + message;
        }
        return message;
    }

    private JsonNode value(JsonParser p, String path, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        map.value(path, at.getLineNr(), at.getColumnNr());
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                if (depth >= MAX_DEPTH) {
                    throw new TooDeep(at.getLineNr(), at.getColumnNr());
                }
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    String child = SourceMap.member(path, name);
                    p.nextToken();
                    if (object.has(name)) {
                        problems.add(Problem.error(child, "duplicate key '" + name + "': the file names it twice")
                                .at(null, keyAt.getLineNr(), keyAt.getColumnNr()));
                        p.skipChildren();
                        continue;
                    }
                    map.key(child, keyAt.getLineNr(), keyAt.getColumnNr());
                    object.set(name, value(p, child, depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                if (depth >= MAX_DEPTH) {
                    throw new TooDeep(at.getLineNr(), at.getColumnNr());
                }
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, SourceMap.element(path, index), depth + 1));
                    index++;
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + token);
        }
    }
}
