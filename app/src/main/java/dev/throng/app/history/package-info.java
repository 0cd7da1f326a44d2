/**
 * The history of a project's runs: the runs saved beside the project file ({@code NAME.runs/<time>/results.json}),
 * a saved run's dashboard (read-only, with the run package's charts and tables), the comparison of two runs (their
 * requests/s and p95 over time overlaid, and per-name deltas with regressions marked) and report export (HTML, CSV,
 * JSON).
 *
 * <p>{@link dev.throng.app.history.HistoryViewModel} holds the state as JavaFX properties, imports only {@code
 * javafx.beans} and {@code javafx.collections}, and is tested as a plain object; file reads and writes go through
 * {@link dev.throng.app.fx.BackgroundTasks}. {@link dev.throng.app.history.HistoryView} renders it with JavaFX
 * controls and chartfx.
 *
 * <p>Imports the JDK, JavaFX, chartfx, {@code app.fx}, {@code app.run} (the read-only dashboard) and the engine's
 * public packages {@code engine.history}, {@code engine.report}, {@code engine.run} and {@code engine.stats}.
 */
package dev.throng.app.history;
