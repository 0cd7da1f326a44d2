/**
 * The picocli commands behind {@code ./throng}: run, agent, validate, keys, compare, demo-target. Each command is a
 * {@code Callable<Integer>} returning an exit code from {@link dev.throng.agent.cli.ExitCodes}, testable in-process
 * with {@code CommandLine.execute()}.
 *
 * <p>May import: the engine's public API, the demo shop, picocli. Never JavaFX or the app.
 */
package dev.throng.agent.cli;
