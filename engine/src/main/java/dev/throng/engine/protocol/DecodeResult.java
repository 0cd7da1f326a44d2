package dev.throng.engine.protocol;

import java.util.Objects;

/** What {@link MessageCodec#decode(byte[])} made of a frame. Never an exception: bad frames are {@link Invalid}. */
public sealed interface DecodeResult {

    /** A valid message of this protocol version. */
    record Decoded(Message message) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A well-formed frame of another protocol version. For a hello, {@code throngVersion} and {@code agentId} are
     * read from its version-independent prefix; otherwise they are {@code null}.
     *
     * @param protocolVersion the peer's protocol version
     * @param throngVersion the peer's release, or {@code null} when unknown
     * @param agentId the agent's id from a hello, or {@code null}
     */
    record OtherVersion(int protocolVersion, String throngVersion, String agentId) implements DecodeResult {
        /** The peer's release for messages, e.g. {@code "Throng 0.2.0, protocol 2"}. */
        public String describe() {
            return (throngVersion == null ? "an unknown Throng release" : "Throng " + throngVersion) + ", protocol "
                    + protocolVersion;
        }
    }

    /** Not a valid frame; {@code reason} says why (for logs). */
    record Invalid(String reason) implements DecodeResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
