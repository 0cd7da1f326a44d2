package dev.throng.engine.imports;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises path segments that are obviously ids (numbers, UUIDs, long hex) and names variables for them. */
final class PathTemplates {
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("(?=.*\\d)[0-9a-fA-F]{16,}");

    private PathTemplates() {}

    static boolean isDynamic(String segment) {
        return NUMBER.matcher(segment).matches()
                || UUID.matcher(segment).matches()
                || HEX.matcher(segment).matches();
    }

    /**
     * A variable name for an id that follows {@code previous} in a path: {@code products} gives {@code productId},
     * {@code user-accounts} gives {@code userAccountId}; nothing usable gives {@code id}.
     */
    static String variableName(String previous) {
        if (previous == null || previous.isEmpty() || isDynamic(previous)) {
            return "id";
        }
        var out = new StringBuilder();
        boolean upper = false;
        for (char c : previous.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : (out.isEmpty() ? Character.toLowerCase(c) : c));
                upper = false;
            } else {
                upper = !out.isEmpty();
            }
        }
        String word = out.toString();
        if (word.isEmpty() || Character.isDigit(word.charAt(0))) {
            return "id";
        }
        if (word.toLowerCase(Locale.ROOT).endsWith("ies") && word.length() > 3) {
            word = word.substring(0, word.length() - 3) + "y";
        } else if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) {
            word = word.substring(0, word.length() - 1);
        }
        return word + "Id";
    }
}
