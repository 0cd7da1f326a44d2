package dev.throng.engine;

/** The version of Throng and of its file and protocol formats. */
public final class Version {
    /** The release, as printed by {@code throng --version}. */
    public static final String THRONG = "0.1.0-SNAPSHOT";

    private Version() {}
}
