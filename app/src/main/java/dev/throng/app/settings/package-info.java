/**
 * Editors of the project-wide parts: variables and secret references, data sources (with a CSV preview), the load
 * plan (stages and a preview chart) and thresholds. Settings and profiles are edited in the property sheet.
 *
 * <p>View-models import {@code javafx.beans} and {@code javafx.collections} only; views import {@code javafx.scene},
 * ControlsFX and chartfx. May import {@code app.fx}, {@code app.project}, {@code app.controls} and the engine's public
 * API.
 */
package dev.throng.app.settings;
