package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A small JSON Schema checker for the subset the project schema uses ($ref to $defs, oneOf, const, enum, type,
 * properties, required, additionalProperties false, items, pattern, minLength, maxLength, minItems, minimum, maximum,
 * exclusiveMinimum). Also checks that members come in the order the schema lists them, and records which
 * (definition, property) pairs were seen.
 */
final class MiniSchema {

    private final JsonNode root;
    private final boolean valueConstraints;
    final Set<String> seen = new TreeSet<>();

    MiniSchema(JsonNode root, boolean valueConstraints) {
        this.root = root;
        this.valueConstraints = valueConstraints;
    }

    List<String> validate(JsonNode instance) {
        var errors = new ArrayList<String>();
        check(root, null, instance, "$", errors, true);
        return errors;
    }

    private void check(JsonNode schema, String def, JsonNode value, String path, List<String> errors, boolean record) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            String name = ref.substring("#/$defs/".length());
            check(root.get("$defs").get(name), name, value, path, errors, record);
            return;
        }
        if (schema.has("oneOf")) {
            int matches = 0;
            for (JsonNode option : schema.get("oneOf")) {
                var sub = new ArrayList<String>();
                check(option, def, value, path, sub, false);
                if (sub.isEmpty()) {
                    matches++;
                    check(option, def, value, path, sub, record);
                }
            }
            if (matches != 1) {
                errors.add(path + ": matches " + matches + " of the oneOf options");
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(path + ": " + value + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            errors.add(path + ": expected type " + schema.get("type").asText() + ", found " + value.getNodeType());
            return;
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            List<String> order = new ArrayList<>();
            properties.fieldNames().forEachRemaining(order::add);
            int last = -1;
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!properties.has(name)) {
                    errors.add(path + ": member '" + name + "' is not in the schema of " + def);
                    continue;
                }
                int index = order.indexOf(name);
                if (index < last) {
                    errors.add(path + ": member '" + name + "' comes out of the schema's order");
                }
                last = index;
                if (record) {
                    seen.add(def + "." + name);
                }
                check(properties.get(name), def, value.get(name), path + "." + name, errors, record);
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + ": required member '" + required.asText() + "' is missing");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), def, value.get(i), path + "[" + i + "]", errors, record);
            }
        }
        if (valueConstraints) {
            values(schema, value, path, errors);
        }
    }

    private static void values(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (value.isTextual()) {
            String s = value.asText();
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText())
                            .matcher(s)
                            .find()) {
                errors.add(path + ": '" + s + "' does not match "
                        + schema.get("pattern").asText());
            }
            int length = s.codePointCount(0, s.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                errors.add(path + ": too short");
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                errors.add(path + ": too long");
            }
        }
        if (value.isArray()
                && schema.has("minItems")
                && value.size() < schema.get("minItems").asInt()) {
            errors.add(path + ": too few items");
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (schema.has("minimum") && d < schema.get("minimum").asDouble()) {
                errors.add(path + ": below the minimum");
            }
            if (schema.has("maximum") && d > schema.get("maximum").asDouble()) {
                errors.add(path + ": above the maximum");
            }
            if (schema.has("exclusiveMinimum")
                    && d <= schema.get("exclusiveMinimum").asDouble()) {
                errors.add(path + ": not above the exclusive minimum");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("type " + type);
        };
    }
}
