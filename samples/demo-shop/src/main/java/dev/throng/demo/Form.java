package dev.throng.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads {@code application/x-www-form-urlencoded} text (form bodies and query strings). Stateless; thread-safe. */
final class Form {
    private Form() {}

    /**
     * The fields of {@code encoded} (may be null or empty), decoded as UTF-8; when a name repeats, the first value wins.
     * A field without {@code '='} has the empty value.
     *
     * @throws BadRequest if a percent escape is malformed
     */
    static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                int eq = encoded.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decode(encoded.substring(start, end));
                    value = "";
                } else {
                    name = decode(encoded.substring(start, eq));
                    value = decode(encoded.substring(eq + 1, end));
                }
                fields.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return fields;
    }

    private static String decode(String part) {
        if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
            return part;
        }
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed percent escape in '" + part + "'");
        }
    }
}
