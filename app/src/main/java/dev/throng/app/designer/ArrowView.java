package dev.throng.app.designer;

import dev.throng.app.designer.FlowDesignerViewModel.Arrow;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * One arrow of the canvas: a curve from node to node and an arrowhead, plus a label "weight · probability" that the
 * canvas puts on a layer above every arrow (so lines never hide labels).
 */
final class ArrowView extends Group {
    private final Arrow arrow;
    private final CubicCurve curve = new CubicCurve();
    private final Polygon head = new Polygon();
    private final Label label = new Label();

    ArrowView(Arrow arrow, boolean selected) {
        this.arrow = arrow;
        getStyleClass().add("flow-arrow");
        if (arrow.conditional()) {
            getStyleClass().add("flow-arrow-conditional");
        }
        curve.getStyleClass().add("flow-arrow-line");
        head.getStyleClass().add("flow-arrow-head");
        label.getStyleClass().add("flow-arrow-label");
        label.setId("edge-" + arrow.from() + "-" + arrow.to());
        label.setText(
                weightText(arrow.weight()) + "  ·  " + String.format(Locale.ROOT, "%.0f%%", arrow.probability() * 100));
        getChildren().addAll(curve, head);
        setSelected(selected);
    }

    static String weightText(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    /** Draws the line {@code width} px wide (the traffic it carries while a run goes); 0 restores the style's width. */
    void setTraffic(double width) {
        if (width <= 0) {
            curve.setStyle("");
        } else {
            curve.setStyle(String.format(Locale.ROOT, "-fx-stroke-width: %.1f;", width));
        }
    }

    void setSelected(boolean value) {
        var selected = javafx.css.PseudoClass.getPseudoClass("selected");
        pseudoClassStateChanged(selected, value);
        label.pseudoClassStateChanged(selected, value);
    }

    Arrow arrow() {
        return arrow;
    }

    Label label() {
        return label;
    }

    /**
     * Lays the arrow out between two boxes (x, y, width, height in canvas units); {@code bend} curves it sideways
     * (for two arrows between the same nodes), a self-loop goes out and back on the right.
     */
    void layout(double[] from, double[] to, double bend) {
        double sx;
        double sy;
        double ex;
        double ey;
        double c1x;
        double c1y;
        double c2x;
        double c2y;
        if (from == to || (from[0] == to[0] && from[1] == to[1])) {
            sx = from[0] + from[2];
            sy = from[1] + from[3] * 0.3;
            ex = from[0] + from[2];
            ey = from[1] + from[3] * 0.7;
            c1x = sx + 70;
            c1y = sy - 30;
            c2x = ex + 70;
            c2y = ey + 30;
        } else {
            // Control points from the centres, then the ends clipped to the boxes along the curve's own direction.
            double fx = from[0] + from[2] / 2;
            double fy = from[1] + from[3] / 2;
            double tx = to[0] + to[2] / 2;
            double ty = to[1] + to[3] / 2;
            double dx = tx - fx;
            double dy = ty - fy;
            double len = Math.max(1, Math.hypot(dx, dy));
            double nx = -dy / len * bend;
            double ny = dx / len * bend;
            c1x = fx + dx / 3 + nx;
            c1y = fy + dy / 3 + ny;
            c2x = fx + 2 * dx / 3 + nx;
            c2y = fy + 2 * dy / 3 + ny;
            double[] s = clip(from, c1x, c1y);
            double[] e = clip(to, c2x, c2y);
            sx = s[0];
            sy = s[1];
            ex = e[0];
            ey = e[1];
            if (bend == 0) {
                // A straight arrow: control points on the clipped segment, so the head points along it.
                c1x = sx + (ex - sx) / 3;
                c1y = sy + (ey - sy) / 3;
                c2x = sx + 2 * (ex - sx) / 3;
                c2y = sy + 2 * (ey - sy) / 3;
            }
        }
        curve.setStartX(sx);
        curve.setStartY(sy);
        curve.setControlX1(c1x);
        curve.setControlY1(c1y);
        curve.setControlX2(c2x);
        curve.setControlY2(c2y);
        curve.setEndX(ex);
        curve.setEndY(ey);
        double ax = ex - c2x;
        double ay = ey - c2y;
        double alen = Math.max(1e-6, Math.hypot(ax, ay));
        ax /= alen;
        ay /= alen;
        double size = 11;
        head.getPoints()
                .setAll(
                        ex,
                        ey,
                        ex - ax * size - ay * size / 2,
                        ey - ay * size + ax * size / 2,
                        ex - ax * size + ay * size / 2,
                        ey - ay * size - ax * size / 2);
        // Label at the curve's middle (t = 0.5).
        double mx = 0.125 * sx + 0.375 * c1x + 0.375 * c2x + 0.125 * ex;
        double my = 0.125 * sy + 0.375 * c1y + 0.375 * c2y + 0.125 * ey;
        label.applyCss();
        label.autosize();
        double chord = Math.hypot(ex - sx, ey - sy);
        double labelWidth = label.getWidth() > 0 ? label.getWidth() : textWidth(label.getText()) + 12;
        double labelHeight = label.getHeight() > 0 ? label.getHeight() : 16;
        double along = chord > 0
                ? Math.abs(ex - sx) / chord * labelWidth + Math.abs(ey - sy) / chord * labelHeight
                : labelWidth;
        if (chord < along + 8) {
            // Too short to hold the label: put it beside the line, on the upper side.
            double len = Math.max(1e-6, chord);
            double ox = -(ey - sy) / len;
            double oy = (ex - sx) / len;
            if (oy > 0 || (oy == 0 && ox > 0)) {
                ox = -ox;
                oy = -oy;
            }
            double off = Math.abs(oy) > Math.abs(ox)
                    ? Math.max(from[3], to[3]) / 2 + labelHeight / 2 + 2
                    : Math.max(from[2], to[2]) / 2 + labelWidth / 2 + 2;
            mx += ox * off;
            my += oy * off;
        }
        label.relocate(mx - labelWidth / 2, my - labelHeight / 2);
    }

    private static double textWidth(String text) {
        var t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font(11));
        return t.getLayoutBounds().getWidth();
    }

    /** Where the segment from the box's centre towards (px, py) leaves the box. */
    private static double[] clip(double[] box, double px, double py) {
        double cx = box[0] + box[2] / 2;
        double cy = box[1] + box[3] / 2;
        double dx = px - cx;
        double dy = py - cy;
        if (dx == 0 && dy == 0) {
            return new double[] {cx, cy};
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (box[2] / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (box[3] / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {cx + dx * s, cy + dy * s};
    }
}
