package dev.throng.agent.cli;

/** Exit codes of the {@code throng} commands (DESIGN.md, "The command line"). */
public final class ExitCodes {
    /** The run passed every threshold; the command did what was asked. */
    public static final int OK = 0;
    /** A threshold failed (run), problems were found (validate) or a regression was found (compare). */
    public static final int THRESHOLD_FAILED = 1;
    /** Bad input, or the run could not proceed. */
    public static final int BAD_INPUT = 2;
    /** Interrupted (Ctrl-C); results so far are still written. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
