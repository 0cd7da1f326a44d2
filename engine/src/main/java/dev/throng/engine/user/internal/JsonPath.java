package dev.throng.engine.user.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small JSONPath subset: {@code $}, {@code .name}, {@code ['name']}, {@code [n]} (negative counts from the end),
 * {@code [*]} and {@code .*}. Examples: {@code $.a.b[0].c}, {@code $[*]}, {@code $.items[*].id}. Immutable;
 * thread-safe.
 */
public final class JsonPath {
    private sealed interface Segment {}

    private record Name(String name) implements Segment {}

    private record Index(int index) implements Segment {}

    private record Wildcard() implements Segment {}

    private final String text;
    private final List<Segment> segments;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /**
     * Compiles {@code path}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is supported
     */
    public static JsonPath compile(String path) {
        String p = path.strip();
        if (!p.startsWith("$")) {
            throw bad(path, "it must start with $");
        }
        var segments = new ArrayList<Segment>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                if (p.startsWith("..", i)) {
                    throw bad(path, "deep scan (..) is not supported");
                }
                int start = ++i;
                while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                    i++;
                }
                String name = p.substring(start, i);
                if (name.isEmpty()) {
                    throw bad(path, "a name is missing after '.'");
                }
                segments.add(name.equals("*") ? new Wildcard() : new Name(name));
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    throw bad(path, "'[' is not closed");
                }
                String inside = p.substring(i + 1, end).strip();
                if (inside.equals("*")) {
                    segments.add(new Wildcard());
                } else if (inside.length() >= 2
                        && (inside.startsWith("'") && inside.endsWith("'")
                                || inside.startsWith("\"") && inside.endsWith("\""))) {
                    segments.add(new Name(inside.substring(1, inside.length() - 1)));
                } else {
                    try {
                        segments.add(new Index(Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        throw bad(path, "'[" + inside + "]' is not an index, '*' or a quoted name");
                    }
                }
                i = end + 1;
            } else {
                throw bad(path, "unexpected '" + c + "' at character " + (i + 1));
            }
        }
        return new JsonPath(path, segments);
    }

    private static IllegalArgumentException bad(String path, String why) {
        return new IllegalArgumentException(
                "JSONPath '" + path + "': " + why + " (supported: $.a.b, $['a'], $.a[0], $.a[-1], $.a[*].b, $.*)");
    }

    /** Whether the path has a wildcard (and may match several values). */
    public boolean isWildcard() {
        return segments.stream().anyMatch(s -> s instanceof Wildcard);
    }

    /** The values the path selects in {@code document} (parsed by {@link Json}), in document order. */
    public List<Object> select(Object document) {
        List<Object> current = List.of(document);
        for (Segment segment : segments) {
            var next = new ArrayList<>();
            for (Object node : current) {
                switch (segment) {
                    case Name n -> {
                        if (node instanceof Map<?, ?> map && map.containsKey(n.name())) {
                            next.add(map.get(n.name()));
                        }
                    }
                    case Index ix -> {
                        if (node instanceof List<?> list) {
                            int k = ix.index() < 0 ? list.size() + ix.index() : ix.index();
                            if (k >= 0 && k < list.size()) {
                                next.add(list.get(k));
                            }
                        }
                    }
                    case Wildcard _ -> {
                        if (node instanceof List<?> list) {
                            next.addAll(list);
                        } else if (node instanceof Map<?, ?> map) {
                            next.addAll(map.values());
                        }
                    }
                }
            }
            current = next;
        }
        return current;
    }

    @Override
    public String toString() {
        return text;
    }
}
