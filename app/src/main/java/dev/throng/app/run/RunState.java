package dev.throng.app.run;

/** Where the dashboard's run is, as the buttons see it. */
public enum RunState {
    /** No run yet. */
    IDLE,
    /** Start was pressed; the run is being set up. */
    STARTING,
    /** Users are running. */
    RUNNING,
    /** Stop was pressed (or the plan ended); users are finishing. */
    STOPPING,
    /** The run is over (or could not start); its figures stay shown. */
    FINISHED;

    /** True while a run exists that can be stopped or changed. */
    public boolean active() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }
}
