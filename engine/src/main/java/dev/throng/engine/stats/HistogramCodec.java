package dev.throng.engine.stats;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * Encodes histograms for saved runs (HdrHistogram's compressed form, as bytes or base64 text) and for the wire
 * (the sparse interval form, see {@link #encodeInterval}). Decoding gives back exactly the same counts. Stateless;
 * any thread.
 */
public final class HistogramCodec {
    private HistogramCodec() {}

    /** The compressed bytes of {@code histogram}. */
    public static byte[] encodeBytes(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** The compressed bytes of {@code histogram}, in base64 (RFC 4648, no line breaks). */
    public static String encode(AbstractHistogram histogram) {
        return Base64.getEncoder().encodeToString(encodeBytes(histogram));
    }

    /**
     * Decodes bytes made by {@link #encodeBytes}.
     *
     * @throws IllegalArgumentException when the bytes are not an encoded histogram
     */
    public static Histogram decodeBytes(byte[] bytes) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded histogram (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decodes text made by {@link #encode}.
     *
     * @throws IllegalArgumentException when the text is not base64 of an encoded histogram
     */
    public static Histogram decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded histogram: the text is not base64", e);
        }
        return decodeBytes(bytes);
    }

    /**
     * The sparse interval form of {@code histogram} (its non-empty buckets as varints, see {@link IntervalStats}),
     * which a {@link StatsAggregator} adds without decompressing. The histogram must have a lowest discernible value
     * of 1 µs and hold at least one value.
     */
    public static byte[] encodeInterval(AbstractHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalArgumentException("an empty histogram is sent as no histogram");
        }
        return SparseHistogramCodec.encode(histogram);
    }

    /**
     * Decodes bytes made by {@link #encodeInterval} into a new histogram.
     *
     * @throws IllegalArgumentException when the bytes are not a sparse interval histogram
     */
    public static Histogram decodeInterval(byte[] bytes) {
        return SparseHistogramCodec.decode(bytes);
    }
}
