package dev.throng.engine.report;

import dev.throng.engine.run.StopReason;

/** A {@link StopReason} as a stable kind and a detail. */
final class StopReasons {
    private StopReasons() {}

    static String kind(StopReason reason) {
        return switch (reason) {
            case StopReason.Completed _ -> "completed";
            case StopReason.StoppedByUser _ -> "stopped";
            case StopReason.ThresholdBroken _ -> "threshold";
            case StopReason.Failed _ -> "failed";
        };
    }

    static String detail(StopReason reason) {
        return switch (reason) {
            case StopReason.Completed _ -> "";
            case StopReason.StoppedByUser _ -> "";
            case StopReason.ThresholdBroken t -> t.rule();
            case StopReason.Failed f -> f.message();
        };
    }

    static StopReason of(String kind, String detail) {
        return switch (kind) {
            case "stopped" -> new StopReason.StoppedByUser();
            case "threshold" -> new StopReason.ThresholdBroken(detail);
            case "failed" -> new StopReason.Failed(detail);
            default -> new StopReason.Completed();
        };
    }

    /** In words, for people. */
    static String describe(StopReason reason) {
        return switch (reason) {
            case StopReason.Completed _ -> "completed";
            case StopReason.StoppedByUser _ -> "stopped by the user";
            case StopReason.ThresholdBroken t -> "stopped: threshold " + t.rule() + " was broken";
            case StopReason.Failed f -> "failed: " + f.message();
        };
    }
}
