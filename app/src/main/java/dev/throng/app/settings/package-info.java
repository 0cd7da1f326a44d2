/**
 * Editors of the project-wide parts: variables and secret references, data sources (with a CSV preview), the load
 * plan (its kind — closed, open or capacity search —, stages or a search's fields, and a preview chart; {@link
 * dev.throng.app.settings.PlanKind} and {@link dev.throng.app.settings.CapacityEdits} are the pure edits the property
 * sheet shares) and thresholds. Settings and profiles are edited in the property sheet.
 *
 * <p>View-models import {@code javafx.beans} and {@code javafx.collections} only; views import {@code javafx.scene},
 * ControlsFX and chartfx. May import {@code app.fx}, {@code app.project}, {@code app.controls}, {@link
 * dev.throng.app.run.ObjectiveText} (how objectives and lengths are worded) and the engine's public API.
 */
package dev.throng.app.settings;
