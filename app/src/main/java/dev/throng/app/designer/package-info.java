/**
 * The flow designer: the canvas of steps and weighted arrows ({@link dev.throng.app.designer.FlowCanvasView} and
 * {@link dev.throng.app.designer.FlowDesignerViewModel}), the task-list view of the same flow, the step editors, and
 * the pure maths behind them ({@link dev.throng.app.designer.VisitShares}, {@link dev.throng.app.designer.FlowEdits}),
 * and the live run overlay ({@link dev.throng.app.designer.RunOverlay}: steps coloured by p95 or error rate, arrows as
 * thick as their traffic), fed by the main window from the run dashboard's snapshots.
 *
 * <p>View-models import {@code javafx.beans} and {@code javafx.collections} only; views import {@code javafx.scene}.
 * May import {@code app.fx}, {@code app.service}, {@code app.controls}, {@code app.project} and the engine's public
 * API.
 */
package dev.throng.app.designer;
