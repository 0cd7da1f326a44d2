/**
 * Remote agents (placeholder): the list of agents of a distributed run, their state and share of users, will live
 * here as {@code AgentsView} and {@code AgentsViewModel}. Until then the project tree's "Agents" entry shows a note.
 *
 * <p>View-models import {@code javafx.beans} and {@code javafx.collections} only; views import {@code javafx.scene}.
 */
package dev.throng.app.agents;
