package dev.throng.app.agents;

/** Where the Run tab's Start runs the project. */
public enum RunTarget {
    /** In this process, with {@code Runs.startLocal}. */
    LOCAL,
    /** On the agents joined to the listening controller. */
    AGENTS
}
