/**
 * Integration tests that prove Throng's numbers against the demo shop on loopback: the counts it reports are what the
 * shop served, its percentiles sit where the shop's known delays put them, and a server stall under the open model is
 * reported from the intended start of every request (no coordinated omission).
 *
 * <p>Imports the engine's public API ({@code project}, {@code run}, {@code stats}), HdrHistogram (to read the
 * cumulative histograms a run leaves), the demo shop and the JDK. Each test is a few seconds of load.
 */
package dev.throng.engine.proof;
