package dev.throng.engine.project.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The members one kind of JSON object of the format may have, in the order they are written, and which are required.
 * The reader reports members not listed and required ones missing; a test keeps these in step with the JSON Schema.
 *
 * @param name the name of the kind, as in the schema's {@code $defs}
 * @param fields every member, in writing order
 * @param required the members that must be present
 */
record Shape(String name, List<String> fields, Set<String> required) {

    Shape {
        fields = List.copyOf(fields);
        required = Set.copyOf(required);
    }

    /** A shape from member names in writing order; a name ending in {@code *} is required. */
    static Shape of(String name, String... members) {
        var fields = new ArrayList<String>();
        var required = new LinkedHashSet<String>();
        for (String m : members) {
            String field = m.endsWith("*") ? m.substring(0, m.length() - 1) : m;
            fields.add(field);
            if (m.endsWith("*")) {
                required.add(field);
            }
        }
        return new Shape(name, fields, required);
    }
}
