package dev.throng.engine.imports;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Readable step ids made from a request, such as {@code get-product} for {@code GET /product/42}. */
final class StepIds {
    private StepIds() {}

    /** An id for a request; unique against {@code taken} when given (a counter is appended). */
    static String forRequest(String method, String url, Set<String> taken) {
        String path = pathOf(url);
        String last = "";
        for (String segment : path.split("/")) {
            if (segment.contains("%7B") || segment.contains("{")) {
                continue; // a template variable, not a name
            }
            String clean = segment.replaceAll("[^A-Za-z0-9_-]", "");
            if (!clean.isEmpty() && !clean.chars().allMatch(Character::isDigit) && !looksLikeId(clean)) {
                last = clean;
            }
        }
        String base =
                method.toLowerCase(Locale.ROOT) + (last.isEmpty() ? "-root" : "-" + last.toLowerCase(Locale.ROOT));
        return unique(base, taken);
    }

    static String unique(String base, Set<String> taken) {
        if (taken == null || !taken.contains(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String candidate = base + "-" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    static String pathOf(String url) {
        try {
            String path =
                    URI.create(url.replace("${", "%7B").replace("}", "%7D")).getRawPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            int scheme = url.indexOf("://");
            int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
            return slash < 0 ? "" : url.substring(slash).replaceAll("[?#].*", "");
        }
    }

    private static boolean looksLikeId(String segment) {
        return PathTemplates.isDynamic(segment);
    }
}
