/**
 * The run dashboard: start and stop a run of the open project, change its load while it runs, and watch it through
 * the engine's snapshots (charts of requests/s, failures/s, response-time percentiles and users; tables of
 * statistics per name, failures and agents).
 *
 * <p>{@link dev.throng.app.run.RunViewModel} holds the state as JavaFX properties and imports only
 * {@code javafx.beans} and {@code javafx.collections}; it is tested as a plain object. {@link
 * dev.throng.app.run.RunView} and its parts render it with JavaFX controls and chartfx. The view pulls snapshots
 * twice a second on the FX thread while it is shown (or while the flow overlay shows the run); engine calls (start,
 * stop, live changes) go through {@link dev.throng.app.fx.BackgroundTasks#inOrder()}, one at a time in order, with
 * callbacks on the FX thread. {@link dev.throng.app.run.RunResultView} shows a finished run read-only.
 *
 * <p>A capacity search adds {@link dev.throng.app.run.CapacityViewModel} (its steps, objective limits and result card,
 * from the engine's {@code CapacityReport}s) and {@code CapacityPanel} (a chart of p95 and error rate against load, the
 * table of steps, the card); {@link dev.throng.app.run.ObjectiveText} words objectives, loads and lengths, also for the
 * load-plan editor.
 *
 * <p>{@link dev.throng.app.run.DebugRunViewModel} runs one user alone and keeps each request and response for the
 * inspector of the "Debug run" tab. Finished runs are saved beside the project when the main window says where the
 * project file is ({@link dev.throng.app.run.RunViewModel#saveRunsBeside}).
 *
 * <p>Imports the JDK, JavaFX, chartfx and the engine's public packages ({@code engine.project}, {@code engine.run},
 * {@code engine.stats}, {@code engine.history}, {@code engine.user} for the debug run's exchanges,
 * {@code engine.time}).
 */
package dev.throng.app.run;
