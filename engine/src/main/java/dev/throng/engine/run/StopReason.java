package dev.throng.engine.run;

/** Why a run ended. */
public sealed interface StopReason {
    /** The plan's duration elapsed. */
    record Completed() implements StopReason {}

    /** Someone asked it to stop (a button, Ctrl-C). */
    record StoppedByUser() implements StopReason {}

    /** A threshold marked "abort" was broken. */
    record ThresholdBroken(String rule) implements StopReason {}

    /** It could not go on (for example a unique data source ran out under "fail the run"). */
    record Failed(String message) implements StopReason {}
}
