package dev.throng.app.settings;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Thresholds as editable rule lines with Apply. FX thread only. */
public final class ThresholdsView extends BorderPane {
    public ThresholdsView(ThresholdsViewModel vm, javafx.beans.value.ObservableValue<?> project) {
        setId("thresholds");
        var help = new Label("One rule a line: p95<300ms, p99<=1.5s, error_rate<1%, rps>100,"
                + " name~/product:p95<300ms. End a line with ! to stop the run when it is broken.");
        help.setWrapText(true);
        help.setPadding(new Insets(8));
        var text = new TextArea(vm.text());
        text.getStyleClass().add("mono");
        project.addListener((o, a, b) -> {
            if (!text.isFocused()) {
                text.setText(vm.text());
            }
        });
        var error = new Label();
        error.getStyleClass().add("message");
        var apply = new Button("Apply");
        apply.setId("apply-thresholds");
        apply.setOnAction(e -> {
            String problem = vm.setText(text.getText());
            error.setText(problem == null ? "" : problem);
        });
        var bar = new HBox(6, apply, error);
        bar.setPadding(new Insets(6));
        setTop(help);
        setCenter(text);
        setBottom(bar);
    }
}
