/**
 * Remote agents in the app: {@code AgentsViewModel} listens for agents through the engine's
 * {@code dev.throng.engine.cluster.Controller} (endpoint, keys folder or insecure, number of agents), polls who joined
 * for the table, and gives the Run tab the starter for Local or Agents; {@code AgentsView} shows it.
 *
 * <p>View-models import {@code javafx.beans} and {@code javafx.collections} only; views import {@code javafx.scene}.
 * Blocking work (bind, close, waiting for agents) runs off the FX thread through {@code dev.throng.app.fx}.
 */
package dev.throng.app.agents;
