package dev.throng.engine.run;

/** Where a run is in its life. */
public enum RunPhase {
    STARTING,
    RUNNING,
    STOPPING,
    FINISHED
}
