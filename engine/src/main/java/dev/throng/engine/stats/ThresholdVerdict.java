package dev.throng.engine.stats;

import dev.throng.engine.project.Threshold;

/**
 * The verdict of one threshold as the statistics see it (the run façade turns it into its {@code ThresholdResult}).
 *
 * @param threshold the rule
 * @param passed whether it held
 * @param value the measured value in the rule's unit (ms, a fraction in {@code [0, 1]}, req/s); NaN when nothing was
 *     measured
 * @param note why nothing could be measured (e.g. no request name matches the pattern), or "" when all is well
 */
public record ThresholdVerdict(Threshold threshold, boolean passed, double value, String note) {}
