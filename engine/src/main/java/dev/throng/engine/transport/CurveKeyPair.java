package dev.throng.engine.transport;

import java.util.Objects;

/**
 * A CURVE key pair in Z85 text (40 characters each). Immutable. {@link #toString()} never shows the secret key.
 *
 * @param publicKey the public key, shared with peers
 * @param secretKey the secret key, kept in a file only its owner can read
 */
public record CurveKeyPair(String publicKey, String secretKey) {
    public CurveKeyPair {
        CurveKeys.requireKey(Objects.requireNonNull(publicKey, "publicKey"), "public key");
        CurveKeys.requireKey(Objects.requireNonNull(secretKey, "secretKey"), "secret key");
    }

    @Override
    public String toString() {
        return "CurveKeyPair[publicKey=" + publicKey + ", secretKey=(hidden)]";
    }
}
