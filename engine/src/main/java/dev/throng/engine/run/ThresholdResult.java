package dev.throng.engine.run;

import dev.throng.engine.project.Threshold;

/**
 * The verdict of one threshold.
 *
 * @param threshold the rule
 * @param passed whether it held
 * @param value the measured value, in the rule's unit (ms, fraction, req/s); NaN when nothing was measured
 */
public record ThresholdResult(Threshold threshold, boolean passed, double value) {}
