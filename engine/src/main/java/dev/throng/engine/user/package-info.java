/**
 * Virtual users: the interpreter of a profile's flows for one simulated user ({@link
 * dev.throng.engine.user.VirtualUser}), templates ({@code ${var}}, {@code ${env:NAME}}, built-ins), requests compiled
 * once per run, checks and extractors, and the data sources' rows ({@link dev.throng.engine.user.RowSource}).
 *
 * <p>A user talks to the outside through two ports that {@code engine.run} implements: {@link
 * dev.throng.engine.user.Transport} (its HTTP session) and {@link dev.throng.engine.user.StatsSink} (the statistics).
 * So this package is tested without sockets.
 *
 * <p>Threads: a user runs its flow on a virtual thread with blocking calls; a closed-model user that thinks for a
 * second or more gives its thread up and is resumed on a new one at its deadline by the run's timer ({@code Wakeups}),
 * so a waiting user is its objects, not a parked stack.
 *
 * <p>Imports the JDK, {@code engine.project}, {@code engine.load} and {@code engine.time}. Latencies are reported in
 * µs, times read from the run's {@link dev.throng.engine.time.Clock} in ns.
 */
package dev.throng.engine.user;
