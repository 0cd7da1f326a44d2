package dev.throng.engine.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends big-endian fields to a growing byte array. Confined to one thread. */
final class FrameWriter {
    private byte[] buffer;
    private int size;

    FrameWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("message too large to encode");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }

    void u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    void u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void i32(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    void i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    void f64(double value) {
        i64(Double.doubleToLongBits(value));
    }

    void bytes(byte[] value) {
        i32(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    void string(String value) {
        bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A presence byte (0 absent, 1 present), then the value when present. */
    void optionalString(String value) {
        bool(value != null);
        if (value != null) {
            string(value);
        }
    }

    void optionalI32(Integer value) {
        bool(value != null);
        if (value != null) {
            i32(value);
        }
    }

    void optionalI64(Long value) {
        bool(value != null);
        if (value != null) {
            i64(value);
        }
    }

    void optionalF64(Double value) {
        bool(value != null);
        if (value != null) {
            f64(value);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
