package dev.throng.demo;

/**
 * Which requests of a sequence fail, for an error share given in parts per million: request {@code n} (counting from
 * 0) fails when {@code floor((n+1)*share) > floor(n*share)}. Of the first N requests exactly {@code floor(N*share)}
 * fail, spread evenly. Integer arithmetic, so no rounding surprises. Stateless; thread-safe.
 */
final class ErrorSchedule {
    static final long PARTS = 1_000_000;

    private ErrorSchedule() {}

    /** The share {@code rate} (0..1) in parts per million, rounded to the nearest part. */
    static long partsPerMillion(double rate) {
        return Math.round(rate * PARTS);
    }

    /** True when request {@code n} (from 0) of the sequence fails at {@code ppm} (0..1,000,000) parts per million. */
    static boolean fails(long n, long ppm) {
        // The pattern repeats every PARTS requests (PARTS * ppm / PARTS is a whole number), so n mod PARTS suffices
        // and the products stay far from overflow.
        long m = Math.floorMod(n, PARTS);
        return (m + 1) * ppm / PARTS > m * ppm / PARTS;
    }
}
