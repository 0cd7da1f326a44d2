/**
 * The controller/agent protocol: the closed set of {@link dev.throng.engine.protocol.Message}s, the values they carry
 * (an agent's share of a run, row partitions of unique data sources, plan parameters) and the
 * {@link dev.throng.engine.protocol.MessageCodec} that turns them into bytes and back with strict validation.
 *
 * <p>Knows nothing of sockets: {@code engine.transport} moves the bytes. Imports only the JDK (the codec is a compact
 * binary format written with {@code java.io}/{@code java.nio}; Jackson is allowed here but not needed).
 */
package dev.throng.engine.protocol;
