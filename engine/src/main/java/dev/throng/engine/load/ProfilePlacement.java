package dev.throng.engine.load;

import dev.throng.engine.project.UserProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which profile each user runs, as a pure function of the user's index and the profiles' weights.
 *
 * <p>Users {@code 0 .. F-1} (where {@code F} is the sum of the fixed counts) belong to the fixed-count profiles, in
 * profile order. Each later user goes to the weighted profile that is furthest behind its share: user {@code F + m}
 * goes to the profile maximising {@code (m + 1) · w/W − count so far} (ties to the first in profile order). So after
 * any number of users each weighted profile is within one user of its exact share, and 3:1 is exactly 3:1 at 4, 8 or
 * 100 users. With no weighted profile (or all weights zero) the extra users are spread by the fixed counts (or
 * evenly).
 *
 * <p>Thread-safe: the memo of the sequence is guarded by {@code this}.
 */
public final class ProfilePlacement {
    private static final int CHECKPOINT = 1024;

    private final List<String> names;
    private final int[] fixed;
    private final int fixedTotal;
    private final double[] weights;
    private final double[] shares;

    /** Weighted part of the sequence: the profile of weighted user m. Guarded by {@code this}. */
    private int[] sequence = new int[0];

    private int computed;
    private final int[] running;
    /** counts after {@code k · CHECKPOINT} weighted users. Guarded by {@code this}. */
    private final List<int[]> checkpoints = new ArrayList<>();

    private ProfilePlacement(List<String> names, int[] fixed, double[] weights) {
        this.names = List.copyOf(names);
        this.fixed = fixed;
        this.fixedTotal = Arrays.stream(fixed).sum();
        this.weights = weights.clone();
        int n = names.size();
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = fixed[i] > 0 || Double.isNaN(weights[i]) ? 0 : Math.max(0, weights[i]);
            total += w[i];
        }
        if (total == 0) {
            for (int i = 0; i < n; i++) {
                w[i] = fixedTotal > 0 ? fixed[i] : 1;
                total += w[i];
            }
        }
        shares = new double[n];
        for (int i = 0; i < n; i++) {
            shares[i] = total == 0 ? 0 : w[i] / total;
        }
        running = new int[n];
        checkpoints.add(new int[n]);
    }

    /** The placement of {@code profiles} with their own weights and fixed counts. */
    public static ProfilePlacement of(List<UserProfile> profiles) {
        var names = profiles.stream().map(UserProfile::name).toList();
        int[] fixed = profiles.stream()
                .mapToInt(p -> p.fixedCount() == null ? 0 : Math.max(0, p.fixedCount()))
                .toArray();
        double[] weights = profiles.stream().mapToDouble(UserProfile::weight).toArray();
        return new ProfilePlacement(names, fixed, weights);
    }

    /** The same profiles with some weights replaced (by profile name; unknown names are ignored). */
    public ProfilePlacement withWeights(Map<String, Double> newWeights) {
        double[] w = new double[names.size()];
        for (int i = 0; i < w.length; i++) {
            Double given = newWeights.get(names.get(i));
            w[i] = given != null ? given : weightOf(i);
        }
        return new ProfilePlacement(names, fixed.clone(), w);
    }

    private double weightOf(int i) {
        return weights[i];
    }

    /** The profile names, in the order used by the indexes of this class. */
    public List<String> names() {
        return names;
    }

    /** The profile index (into {@link #names()}) of user {@code userIndex} (from 0). */
    public synchronized int profileOf(int userIndex) {
        if (names.isEmpty()) {
            throw new IllegalStateException("no user profiles");
        }
        if (userIndex < fixedTotal) {
            int acc = 0;
            for (int p = 0; p < fixed.length; p++) {
                acc += fixed[p];
                if (userIndex < acc) {
                    return p;
                }
            }
        }
        int m = userIndex - fixedTotal;
        extendTo(m + 1);
        return sequence[m];
    }

    /** How many of the first {@code users} users run each profile (indexed like {@link #names()}). */
    public synchronized int[] countsAt(int users) {
        int[] counts = new int[names.size()];
        int left = Math.max(0, users);
        for (int p = 0; p < fixed.length && left > 0; p++) {
            int take = Math.min(left, fixed[p]);
            counts[p] += take;
            left -= take;
        }
        if (left > 0) {
            extendTo(left);
            int[] base = checkpoints.get(left / CHECKPOINT);
            for (int p = 0; p < counts.length; p++) {
                counts[p] += base[p];
            }
            for (int m = (left / CHECKPOINT) * CHECKPOINT; m < left; m++) {
                counts[sequence[m]]++;
            }
        }
        return counts;
    }

    /**
     * The profile a new user should run when {@code current} users of each profile are running: the one furthest
     * below its count at {@code sum(current) + 1} users. Without earlier changes of weights this is
     * {@link #profileOf}{@code (sum(current))}.
     */
    public int chooseToAdd(int[] current) {
        int[] target = countsAt(Arrays.stream(current).sum() + 1);
        int best = -1;
        long bestGap = Long.MIN_VALUE;
        for (int p = 0; p < target.length; p++) {
            long gap = (long) target[p] - current[p];
            if (gap > bestGap) {
                best = p;
                bestGap = gap;
            }
        }
        return best;
    }

    /**
     * The profile a user should be removed from when {@code current} users of each profile are running: the one
     * furthest above its count at {@code sum(current) - 1} users (among profiles with users). -1 when none runs.
     */
    public int chooseToRemove(int[] current) {
        int[] target = countsAt(Arrays.stream(current).sum() - 1);
        int best = -1;
        long bestExcess = Long.MIN_VALUE;
        for (int p = target.length - 1; p >= 0; p--) {
            long excess = (long) current[p] - target[p];
            if (current[p] > 0 && excess > bestExcess) {
                best = p;
                bestExcess = excess;
            }
        }
        return best;
    }

    /**
     * The weighted profile of the next of a stream of users (the open model's arrivals), given how many of them went
     * to each profile so far: the same rule as {@link #profileOf} over the weighted profiles, without a memo (memory
     * stays constant however many arrivals there are). Fixed counts are ignored.
     */
    public int nextWeighted(long[] sofar) {
        long m = 0;
        for (long c : sofar) {
            m += c;
        }
        int best = 0;
        double bestDeficit = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < shares.length; p++) {
            if (shares[p] <= 0) {
                continue;
            }
            double deficit = (m + 1) * shares[p] - sofar[p];
            if (deficit > bestDeficit + 1e-9) {
                best = p;
                bestDeficit = deficit;
            }
        }
        return best;
    }

    private void extendTo(int length) {
        if (length <= computed) {
            return;
        }
        if (length > sequence.length) {
            sequence = Arrays.copyOf(sequence, Math.max(length, sequence.length * 2 + 16));
        }
        for (int m = computed; m < length; m++) {
            int best = 0;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < shares.length; p++) {
                if (shares[p] <= 0) {
                    continue;
                }
                double deficit = (m + 1) * shares[p] - running[p];
                if (deficit > bestDeficit + 1e-9) {
                    best = p;
                    bestDeficit = deficit;
                }
            }
            sequence[m] = best;
            running[best]++;
            if ((m + 1) % CHECKPOINT == 0) {
                checkpoints.add(running.clone());
            }
        }
        computed = length;
    }
}
