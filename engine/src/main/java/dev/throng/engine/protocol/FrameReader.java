package dev.throng.engine.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads big-endian fields from a frame, checking every length against what is left before allocating, so a hostile
 * frame can neither read out of bounds nor make it allocate more than the frame's own size. Confined to one thread.
 */
final class FrameReader {
    /** Thrown inside the codec only; the codec turns it into {@link DecodeResult.Invalid}. */
    static final class BadFrame extends Exception {
        BadFrame(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] frame;
    private int position;

    FrameReader(byte[] frame, int position) {
        this.frame = frame;
        this.position = position;
    }

    int remaining() {
        return frame.length - position;
    }

    private void need(int count, String what) throws BadFrame {
        if (count < 0 || count > remaining()) {
            throw new BadFrame("truncated frame: " + what + " needs " + count + " bytes at offset " + position + ", "
                    + remaining() + " left");
        }
    }

    int u8(String what) throws BadFrame {
        need(1, what);
        return frame[position++] & 0xFF;
    }

    boolean bool(String what) throws BadFrame {
        int value = u8(what);
        if (value > 1) {
            throw new BadFrame(what + ": expected 0 or 1, got " + value);
        }
        return value == 1;
    }

    int u16(String what) throws BadFrame {
        need(2, what);
        int value = ((frame[position] & 0xFF) << 8) | (frame[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int i32(String what) throws BadFrame {
        need(4, what);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (frame[position++] & 0xFF);
        }
        return value;
    }

    long i64(String what) throws BadFrame {
        need(8, what);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (frame[position++] & 0xFF);
        }
        return value;
    }

    double f64(String what) throws BadFrame {
        return Double.longBitsToDouble(i64(what));
    }

    /** A count of entries that each take at least {@code minEntryBytes}: bounded by what is left. */
    int count(String what, int minEntryBytes) throws BadFrame {
        int count = i32(what + " count");
        if (count < 0 || (long) count * minEntryBytes > remaining()) {
            throw new BadFrame(what + ": count " + count + " does not fit in the " + remaining() + " bytes left");
        }
        return count;
    }

    byte[] bytes(String what) throws BadFrame {
        int length = i32(what + " length");
        need(length, what);
        byte[] value = new byte[length];
        System.arraycopy(frame, position, value, 0, length);
        position += length;
        return value;
    }

    String string(String what) throws BadFrame {
        int length = i32(what + " length");
        need(length, what);
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame, position, length));
            position += length;
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new BadFrame(what + ": not valid UTF-8");
        }
    }

    String optionalString(String what) throws BadFrame {
        return bool(what + " presence") ? string(what) : null;
    }

    Integer optionalI32(String what) throws BadFrame {
        return bool(what + " presence") ? i32(what) : null;
    }

    Long optionalI64(String what) throws BadFrame {
        return bool(what + " presence") ? i64(what) : null;
    }

    Double optionalF64(String what) throws BadFrame {
        return bool(what + " presence") ? f64(what) : null;
    }

    void end() throws BadFrame {
        if (remaining() != 0) {
            throw new BadFrame(remaining() + " unexpected bytes after the message");
        }
    }
}
