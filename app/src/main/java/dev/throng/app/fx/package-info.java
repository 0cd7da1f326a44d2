/**
 * Threading helpers shared by every feature: {@link dev.throng.app.fx.BackgroundTasks} (the one way to run work off
 * the FX thread, with callbacks back on it), {@link dev.throng.app.fx.FxThread} (assertions) and
 * {@link dev.throng.app.fx.ThreadOwner} (thread confinement of view-models, checkable in plain unit tests).
 *
 * <p>May import: the JDK and {@code javafx.application}.
 */
package dev.throng.app.fx;
