package dev.throng.app.designer;

import dev.throng.engine.project.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks as editable lines: {@code status 200 201}, {@code contains TEXT}, {@code matches REGEX},
 * {@code json $.path = VALUE}, {@code max 500ms}. Pure.
 */
public final class CheckText {
    private CheckText() {}

    public static String format(List<Check> checks) {
        var lines = new ArrayList<String>();
        for (Check c : checks) {
            lines.add(
                    switch (c) {
                        case Check.Status s ->
                            "status "
                                    + String.join(
                                            " ",
                                            s.codes().stream()
                                                    .map(String::valueOf)
                                                    .toList());
                        case Check.BodyContains b -> "contains " + b.text();
                        case Check.BodyMatches m -> "matches " + m.regex();
                        case Check.JsonValue j -> "json " + j.path() + " = " + j.expected();
                        case Check.MaxDuration d -> "max " + d.max().toMillis() + "ms";
                    });
        }
        return String.join("\n", lines);
    }

    /**
     * Parses lines back into checks.
     *
     * @throws IllegalArgumentException naming the line that is wrong and the accepted forms
     */
    public static List<Check> parse(String text) {
        var out = new ArrayList<Check>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            String word = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            try {
                out.add(
                        switch (word) {
                            case "status" -> {
                                var codes = new ArrayList<Integer>();
                                for (String c : rest.split("[ ,]+")) {
                                    codes.add(Integer.parseInt(c));
                                }
                                yield new Check.Status(codes);
                            }
                            case "contains" -> new Check.BodyContains(rest);
                            case "matches" -> new Check.BodyMatches(rest);
                            case "json" -> {
                                int eq = rest.indexOf('=');
                                if (eq < 0) {
                                    throw new IllegalArgumentException("no '='");
                                }
                                yield new Check.JsonValue(
                                        rest.substring(0, eq).strip(),
                                        rest.substring(eq + 1).strip());
                            }
                            case "max" ->
                                new Check.MaxDuration(Duration.ofMillis(Long.parseLong(rest.toLowerCase(Locale.ROOT)
                                        .replace("ms", "")
                                        .strip())));
                            default -> throw new IllegalArgumentException("unknown check");
                        });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("check line " + (i + 1) + " '" + line
                        + "': write status 200 201, contains TEXT, matches REGEX, json $.path = VALUE or max 500ms");
            }
        }
        return out;
    }
}
