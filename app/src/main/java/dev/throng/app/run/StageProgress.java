package dev.throng.app.run;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** A progress bar over the planned duration with a mark where each stage ends, and the current stage in words. */
final class StageProgress extends HBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Marks marks = new Marks();
    private final Label label = new Label();

    StageProgress() {
        super(8);
        setId("stage-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        StackPane stack = new StackPane(bar, marks);
        stack.setMinWidth(200);
        HBox.setHgrow(stack, Priority.ALWAYS);
        label.setId("stage-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(stack, label);
    }

    void show(PlanProgress p) {
        bar.setProgress(p.fraction());
        label.setText(p.label());
        marks.set(p.stageEnds());
    }

    /** Thin vertical lines at fractions of the width. */
    private static final class Marks extends Pane {
        private List<Double> ends = List.of();

        Marks() {
            setMouseTransparent(true);
        }

        void set(List<Double> value) {
            if (value.equals(ends)) {
                return;
            }
            ends = value;
            List<Region> lines = new ArrayList<>();
            for (int i = 0; i < value.size() - 1; i++) {
                Region r = new Region();
                r.getStyleClass().add("stage-mark");
                lines.add(r);
            }
            getChildren().setAll(lines);
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            for (int i = 0; i < getChildren().size(); i++) {
                getChildren().get(i).resizeRelocate(Math.round(ends.get(i) * w), 0, 2, h);
            }
        }
    }
}
