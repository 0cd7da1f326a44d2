/**
 * The open project and the main window: {@link dev.throng.app.project.ProjectDocument} (value, file, dirty flag,
 * undo/redo, save/open, recent files, crash recovery), the project tree with its New / Rename / Delete actions
 * ({@link dev.throng.app.project.TreeActions} over the pure {@link dev.throng.app.project.ProjectEdits}), the property
 * sheet of the selection ({@link dev.throng.app.project.PropertiesViewModel}: project, settings, profiles, flows, steps,
 * arrows with their conditions, load plan), the status bar with validation problems, and
 * {@link dev.throng.app.project.MainView} which assembles the features.
 *
 * <p>View-models here import {@code javafx.beans} and {@code javafx.collections} only; views import
 * {@code javafx.scene} and ControlsFX. May import every other app package and the engine's public API.
 */
package dev.throng.app.project;
