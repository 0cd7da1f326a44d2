/**
 * Reports of a finished run, from a {@link dev.throng.engine.run.RunResult}: the results JSON document ({@link
 * dev.throng.engine.report.ResultsJson}, the contract other tools rely on, written and read back), CSV files ({@link
 * dev.throng.engine.report.CsvReport}), one self-contained HTML page that works offline ({@link
 * dev.throng.engine.report.HtmlReport}) and JUnit XML for CI ({@link dev.throng.engine.report.JunitReport}). A
 * capacity search adds a {@code capacity} section to the JSON and to the HTML page.
 *
 * <p>Imports the JDK, Jackson (one of the codec packages allowed to), and the engine's {@code run}, {@code stats} and
 * {@code project} packages. Jackson types never appear in its public API. The HTML report inlines uPlot and its
 * style sheet from the uPlot WebJar on the classpath.
 */
package dev.throng.engine.report;
