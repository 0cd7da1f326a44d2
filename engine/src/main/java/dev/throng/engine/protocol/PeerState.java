package dev.throng.engine.protocol;

/** What a peer reports in its heartbeats. The ordinal is part of the wire format: append new states at the end. */
public enum PeerState {
    /** Connected, no run prepared. */
    IDLE,
    /** A project was received and prepared; waiting for start. */
    READY,
    /** Generating load. */
    RUNNING,
    /** Stopping its users. */
    STOPPING
}
