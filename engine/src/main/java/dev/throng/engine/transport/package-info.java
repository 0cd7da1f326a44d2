/**
 * The controller/agent transport over ZeroMQ (JeroMQ): {@link dev.throng.engine.transport.ControllerEndpoint} (a
 * ROUTER that admits agents) and {@link dev.throng.engine.transport.AgentConnection} (a DEALER that joins a
 * controller), CURVE keys and key folders ({@link dev.throng.engine.transport.CurveKeys},
 * {@link dev.throng.engine.transport.KeyStoreDir}, {@link dev.throng.engine.transport.AllowList}), and the pure
 * heartbeat bookkeeping ({@link dev.throng.engine.transport.HeartbeatMonitor}).
 *
 * <p>Thread contract: every ZeroMQ socket is created, used and closed by one platform thread owned by its endpoint;
 * other threads talk to it only through queues (send) and a listener (events). Nothing interrupts that thread: it
 * polls with a short timeout and stops on a flag.
 *
 * <p>On the wire: each ZeroMQ message is one frame of {@link dev.throng.engine.protocol.MessageCodec}, except that
 * messages to an agent larger than 128 KiB travel as acknowledged fragments (package-private {@code Fragments}) so
 * that heartbeats keep flowing during a large project shipment.
 *
 * <p>The only package of the engine that imports {@code org.zeromq} and {@code zmq}. Also imports
 * {@code engine.protocol}, {@code engine.time} and {@code dev.throng.engine.Version}.
 */
package dev.throng.engine.transport;
