package dev.throng.engine.protocol;

import java.util.List;

/**
 * Which rows of a unique data source one agent may hand out, so that no row goes to two users across the run.
 * Row numbers count data rows from 0 (the header row is not counted).
 */
public sealed interface RowPartition {

    /** Whether this partition contains row {@code row}. */
    boolean contains(long row);

    /**
     * Every {@code stride}-th row starting at {@code offset}: agent {@code i} of {@code n} takes {@code Strided(i, n)}.
     *
     * @param offset the first row, from 0
     * @param stride the distance between two rows, at least 1
     */
    record Strided(long offset, long stride) implements RowPartition {
        public Strided {
            if (offset < 0 || stride < 1) {
                throw new IllegalArgumentException("a strided partition needs offset >= 0 and stride >= 1, got offset "
                        + offset + ", stride " + stride);
            }
        }

        @Override
        public boolean contains(long row) {
            return row >= offset && (row - offset) % stride == 0;
        }
    }

    /**
     * {@code count} rows, {@code stride} apart, from {@code first}: what remains of a strided partition after its
     * first rows were used, or a part of it.
     *
     * @param first the first row, from 0
     * @param stride the distance between two rows, at least 1
     * @param count how many rows, at least 0
     */
    record Slice(long first, long stride, long count) implements RowPartition {
        public Slice {
            if (first < 0 || stride < 1 || count < 0) {
                throw new IllegalArgumentException("a slice needs first >= 0, stride >= 1 and count >= 0, got first "
                        + first + ", stride " + stride + ", count " + count);
            }
        }

        @Override
        public boolean contains(long row) {
            return row >= first && (row - first) % stride == 0 && (row - first) / stride < count;
        }
    }

    /**
     * Explicit row ranges (e.g. what remains of a lost agent's rows).
     *
     * @param ranges the ranges, in any order; they may be empty
     */
    record Ranges(List<RowRange> ranges) implements RowPartition {
        public Ranges {
            ranges = List.copyOf(ranges);
        }

        @Override
        public boolean contains(long row) {
            for (RowRange range : ranges) {
                if (row >= range.first() && row < range.endExclusive()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The rows {@code first} (inclusive) to {@code endExclusive} (exclusive).
     *
     * @param first the first row, from 0
     * @param endExclusive one past the last row, at least {@code first}
     */
    record RowRange(long first, long endExclusive) {
        public RowRange {
            if (first < 0 || endExclusive < first) {
                throw new IllegalArgumentException(
                        "a row range needs 0 <= first <= end, got " + first + ".." + endExclusive);
            }
        }
    }
}
