package dev.throng.engine.stats;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The compact wire form of an interval histogram: only its non-empty buckets, as varints. An interval of a second
 * fills few buckets, so this is small without compression, and the controller adds it into its own histogram
 * bucket by bucket, without building a histogram or inflating anything.
 *
 * <pre>
 * bytes  : format u8 (1) | digits u8 (significant digits, 0 to 5) | buckets varint |
 *          buckets × (valueDelta varint | count varint)
 * </pre>
 *
 * Values are microseconds: each bucket's lowest value, from the lowest bucket up, each as the difference to the
 * previous one (the first from 0). Varints are unsigned LEB128 (7 bits a byte, low bits first, at most 9 bytes here).
 * Histograms must have a lowest discernible value of 1, as every histogram in {@link Histograms} has, so that the
 * receiver's histogram of the same digits has the same buckets and the sum is exact.
 *
 * <p>Checking is strict and bounded, as the bytes come from the network: the format and digits, every value at most
 * {@link StatsCollector#MAX_LATENCY_MICROS} and strictly rising, every count from 1 to {@link #MAX_COUNT}, and nothing
 * after the last bucket. Stateless; any thread.
 */
final class SparseHistogramCodec {
    static final int FORMAT = 1;

    /** The largest count one bucket (and one histogram) may carry in one interval. */
    static final long MAX_COUNT = 1L << 40;

    private SparseHistogramCodec() {}

    /** The sparse bytes of {@code h}, which has a lowest discernible value of 1 and is not empty. */
    static byte[] encode(AbstractHistogram h) {
        long total = h.getTotalCount();
        byte[] buffer = new byte[64];
        int at = 0;
        buffer[at++] = (byte) FORMAT;
        buffer[at++] = (byte) h.getNumberOfSignificantValueDigits();
        // The bucket count is written at the end, once known: reserve its largest size (3 bytes: < 2^21 buckets)
        // and move the rest down afterwards.
        int countAt = at;
        at += 3;
        int buckets = 0;
        long previous = 0;
        long seen = 0;
        long value = h.getCountAtValue(0) > 0 ? 0 : h.lowestEquivalentValue(h.getMinNonZeroValue());
        for (; seen < total; value = h.nextNonEquivalentValue(value)) {
            long count = h.getCountAtValue(value);
            if (count == 0) {
                continue;
            }
            seen += count;
            long lowest = h.lowestEquivalentValue(value);
            if (buffer.length - at < 20) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            at = putVarint(buffer, at, lowest - previous);
            at = putVarint(buffer, at, count);
            previous = lowest;
            buckets++;
        }
        byte[] countBytes = new byte[3];
        int countLength = putVarint(countBytes, 0, buckets);
        byte[] out = new byte[at - (3 - countLength)];
        System.arraycopy(buffer, 0, out, 0, countAt);
        System.arraycopy(countBytes, 0, out, countAt, countLength);
        System.arraycopy(buffer, countAt + 3, out, countAt + countLength, at - countAt - 3);
        return out;
    }

    /**
     * Checks that {@code bytes} are a sparse histogram of {@code digits} significant digits.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void check(byte[] bytes, int digits) {
        read(bytes, digits, null);
    }

    /**
     * Adds the counts in {@code bytes}, already {@link #check checked} against {@code target}'s digits, to {@code
     * target}, which has a lowest discernible value of 1.
     *
     * @param scratch reused buffers, emptied first; confined to the caller's thread
     */
    static void addChecked(byte[] bytes, Histogram target, Scratch scratch) {
        scratch.size = 0;
        int buckets = readInto(bytes, target.getNumberOfSignificantValueDigits(), scratch);
        addFrom(scratch, 0, buckets, target);
    }

    /**
     * Checks {@code bytes} like {@link #check} and appends their buckets to {@code scratch}.
     *
     * @return the number of buckets appended
     * @throws IllegalArgumentException saying what is wrong (then what was appended is to be ignored)
     */
    static int readInto(byte[] bytes, int digits, Scratch scratch) {
        return read(bytes, digits, scratch);
    }

    /**
     * Adds {@code buckets} buckets of {@code scratch} from entry {@code from} to {@code target}.
     *
     * <p>The highest and the lowest bucket go first: HdrHistogram updates its (volatile) minimum and maximum with a
     * compare-and-set whenever a value passes them, which rising values into an empty histogram would do at every
     * bucket; this way it happens at most twice.
     */
    static void addFrom(Scratch scratch, int from, int buckets, Histogram target) {
        if (buckets == 0) {
            return;
        }
        long[] values = scratch.values;
        long[] counts = scratch.counts;
        int last = from + buckets - 1;
        target.recordValueWithCount(values[last], counts[last]);
        if (last > from) {
            target.recordValueWithCount(values[from], counts[from]);
        }
        for (int i = from + 1; i < last; i++) {
            target.recordValueWithCount(values[i], counts[i]);
        }
    }

    /**
     * Buckets read by {@link #readInto}: a value and a count per entry, {@code size} entries in use. It grows to the
     * largest number of buckets of one message (at most half its bytes). Confined to one thread.
     */
    static final class Scratch {
        long[] values = new long[256];
        long[] counts = new long[256];
        int size;

        /** Drops buffers grown beyond 64 Ki entries by a huge message, so they are not kept for the whole run. */
        void trim() {
            size = 0;
            if (values.length > 1 << 16) {
                values = new long[256];
                counts = new long[256];
            }
        }

        private void ensure(long more) {
            long needed = size + more;
            if (needed > values.length) {
                int length = (int) Math.max(needed, values.length * 2L);
                values = Arrays.copyOf(values, length);
                counts = Arrays.copyOf(counts, length);
            }
        }
    }

    /** A new histogram holding the counts in {@code bytes}; its digits are those the bytes name. */
    static Histogram decode(byte[] bytes) {
        if (bytes.length < 2) {
            throw new IllegalArgumentException("not a sparse histogram: " + bytes.length + " bytes");
        }
        int digits = bytes[1];
        Scratch scratch = new Scratch();
        int buckets = readInto(bytes, digits, scratch);
        Histogram h = new Histogram(digits);
        for (int i = 0; i < buckets; i++) {
            h.recordValueWithCount(scratch.values[i], scratch.counts[i]);
        }
        return h;
    }

    /**
     * Walks {@code bytes}, checking them, and appends each bucket's value and count to {@code scratch} unless it is
     * null.
     *
     * @return the number of buckets
     */
    private static int read(byte[] bytes, int digits, Scratch scratch) {
        if (bytes.length < 3) {
            throw bad("only " + bytes.length + " bytes");
        }
        if (bytes[0] != FORMAT) {
            throw bad("unknown format " + (bytes[0] & 0xff));
        }
        if (bytes[1] != digits) {
            throw bad((bytes[1] & 0xff) + " significant digits where " + digits + " were expected");
        }
        int[] at = {2};
        long buckets = varint(bytes, at);
        if (buckets > (bytes.length - at[0]) / 2) {
            throw bad(buckets + " buckets cannot fit in " + bytes.length + " bytes");
        }
        if (scratch != null) {
            scratch.ensure(buckets);
        }
        long value = 0;
        long total = 0;
        for (long i = 0; i < buckets; i++) {
            long delta = varint(bytes, at);
            if (i > 0 && delta == 0) {
                throw bad("bucket values do not rise");
            }
            if (delta > StatsCollector.MAX_LATENCY_MICROS - value) {
                throw bad("a value above " + StatsCollector.MAX_LATENCY_MICROS + " µs");
            }
            value += delta;
            long count = varint(bytes, at);
            if (count < 1 || count > MAX_COUNT - total) {
                throw bad("a count out of range (1 to " + MAX_COUNT + " in all)");
            }
            total += count;
            if (scratch != null) {
                scratch.values[scratch.size + (int) i] = value;
                scratch.counts[scratch.size + (int) i] = count;
            }
        }
        if (at[0] != bytes.length) {
            throw bad((bytes.length - at[0]) + " bytes after the last bucket");
        }
        if (scratch != null) {
            scratch.size += (int) buckets;
        }
        return (int) buckets;
    }

    private static long varint(byte[] bytes, int[] at) {
        long result = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (at[0] >= bytes.length) {
                throw bad("cut short");
            }
            byte b = bytes[at[0]++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw bad("a number longer than 9 bytes");
    }

    private static int putVarint(byte[] buffer, int at, long value) {
        while ((value & ~0x7fL) != 0) {
            buffer[at++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        buffer[at++] = (byte) value;
        return at;
    }

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("not a sparse interval histogram: " + what);
    }
}
