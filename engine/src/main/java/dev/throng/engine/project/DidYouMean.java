package dev.throng.engine.project;

import java.util.Collection;

/** Suggests the closest known name for a misspelt one, by edit distance. Stateless; thread-safe. */
public final class DidYouMean {

    private DidYouMean() {}

    /** Above this many candidates no suggestion is searched for (it would cost more than it helps). */
    static final int MAX_CANDIDATES = 2_000;

    /**
     * The candidate closest to {@code input}, when it is close enough to be a plausible typo (case is ignored), or
     * {@code null}.
     */
    public static String closest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty() || input.length() > 64 || candidates.size() > MAX_CANDIDATES) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate == null || candidate.equals(input) || candidate.length() > 64) {
                continue;
            }
            int d = distance(input.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = input.length() <= 2 ? 0 : Math.max(1, Math.min(3, input.length() / 3));
        return best != null && bestDistance <= allowed && bestDistance > 0 ? best : null;
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate, or the empty string. */
    public static String suffix(String input, Collection<String> candidates) {
        String best = closest(input, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The Levenshtein distance (insertions, deletions, substitutions), with adjacent swaps counted as one edit. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
