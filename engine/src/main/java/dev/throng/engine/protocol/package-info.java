/**
 * The controller/agent protocol: the closed set of {@link dev.throng.engine.protocol.Message}s, the values they carry
 * (an agent's share of a run, row partitions of unique data sources, plan parameters), the
 * {@link dev.throng.engine.protocol.MessageCodec} that turns them into bytes and back with strict validation, and the
 * {@link dev.throng.engine.protocol.IntervalStatsCodec} of the stats payload.
 *
 * <p>Knows nothing of sockets: {@code engine.transport} moves the bytes. Imports the JDK and {@code engine.stats} (the
 * payload's types). The formats are compact binary written by hand; Jackson is allowed here but not needed.
 */
package dev.throng.engine.protocol;
