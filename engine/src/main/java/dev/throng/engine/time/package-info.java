/**
 * Time: the {@link dev.throng.engine.time.Clock} interface and the system clock. Imports only the JDK.
 *
 * <p>Fake clocks for tests live in the engine's test-jar ({@code dev.throng.engine.time.FakeClock}).
 */
package dev.throng.engine.time;
