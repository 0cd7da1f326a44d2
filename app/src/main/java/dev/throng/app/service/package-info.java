/**
 * The app's doors into the engine, as small interfaces the view-models depend on: {@link
 * dev.throng.app.service.ProjectFiles} (read, write, validate project files), {@link
 * dev.throng.app.service.RequestSender} ("Send once"), the samples and the user's Throng folder. The engine-backed
 * implementations live here too; tests substitute their own.
 *
 * <p>Blocking methods are called from {@link dev.throng.app.fx.BackgroundTasks} workers, never on the FX thread.
 *
 * <p>May import: the JDK and the engine's public API. No JavaFX.
 */
package dev.throng.app.service;
