package dev.throng.engine.http;

/**
 * Whether a connection's user yields its carrier before reading a response (see {@code DirectClient.readHead}): it
 * does while yielding pays off; after a yield that did not, it skips the next 1, 3, 7 ... requests (doubling with each
 * miss in a row, at most {@link #MAX_SKIPS}), then tries again; a yield that paid off starts over.
 *
 * <p>Confined to the thread of the session that uses the connection.
 */
final class YieldBackoff {
    /** The most requests skipped between two tries. */
    static final int MAX_SKIPS = 1023;

    private static final int MAX_MISSES = 10;

    private int skips;
    private int misses;

    /** Whether to yield before the next read; counts one request when not. */
    boolean shouldYield() {
        if (skips > 0) {
            skips--;
            return false;
        }
        return true;
    }

    /** What the yield just made gave: {@code paid} when the response was there after it. */
    void yielded(boolean paid) {
        if (paid) {
            misses = 0;
        } else {
            misses = Math.min(misses + 1, MAX_MISSES);
            skips = (1 << misses) - 1;
        }
    }
}
