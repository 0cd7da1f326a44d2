/**
 * The agent process: {@link dev.throng.agent.session.AgentSession} joins a controller over the engine's transport,
 * hands its messages to the engine's {@link dev.throng.engine.cluster.AgentWorker}, and logs one plain line per event
 * to stderr. It runs any number of runs one after another, reconnecting with back-off when the controller goes away.
 *
 * <p>May import: the engine's public API (transport, cluster, protocol). Never picocli, JavaFX or the app.
 */
package dev.throng.agent.session;
