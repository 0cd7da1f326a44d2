package dev.throng.engine.report;

import dev.throng.engine.run.ThresholdResult;

/** What to say about a threshold verdict in reports. */
final class ThresholdNotes {
    private ThresholdNotes() {}

    /** Why nothing was measured, or "" when a value was. */
    static String note(ThresholdResult t) {
        if (!Double.isNaN(t.value())) {
            return "";
        }
        String scope = t.threshold().scope();
        return scope == null
                ? "no requests were made"
                : "no request or group name matches '" + scope + "' (or none of them ran)";
    }

    /** The measured value with the rule's unit, e.g. "412.3 ms", "2.5%", "98.1 req/s", or "not measured". */
    static String value(ThresholdResult t) {
        double v = t.value();
        if (Double.isNaN(v)) {
            return "not measured";
        }
        return switch (t.threshold().metric()) {
            case ERROR_RATE -> Numbers.format(v * 100) + "%";
            case RPS -> Numbers.format(v) + " req/s";
            default -> Numbers.format(v) + " ms";
        };
    }
}
