/**
 * The Throng desktop app: {@link dev.throng.app.Launcher} (the classpath entry point) and
 * {@link dev.throng.app.ThrongApp} (the JavaFX application). Features live in subpackages, each with its views and
 * view-models: {@code project} (the main window, the open document, the project tree), {@code designer} (the flow
 * canvas, the task list, step editors), {@code settings} (settings, variables, data, load plan, thresholds),
 * {@code run} (the run dashboard), {@code agents}. {@code fx} holds the threading helpers, {@code service} the
 * app's doors into the engine, {@code controls} reusable controls.
 *
 * <p>May import: the engine's public API, the demo shop (to start it for the sample), JavaFX, ControlsFX, chartfx.
 * Never the remote agent, Jackson, HttpClient or JeroMQ: the app reaches files and HTTP through the engine.
 */
package dev.throng.app;
