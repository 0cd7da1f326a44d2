/**
 * The open project and the main window: {@link dev.throng.app.project.ProjectDocument} (value, file, dirty flag,
 * undo/redo, save/open, recent files, crash recovery), the project tree, the status bar with validation problems,
 * and {@link dev.throng.app.project.MainView} which assembles the features.
 *
 * <p>View-models here import {@code javafx.beans} and {@code javafx.collections} only; views import
 * {@code javafx.scene} and ControlsFX. May import every other app package and the engine's public API.
 */
package dev.throng.app.project;
