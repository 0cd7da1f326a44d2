package dev.throng.app.run;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;

/** Sliders for the weights of the project's weighted profiles; changes reach the run live. FX thread only. */
final class ProfileWeightsPane extends TitledPane {
    private final GridPane grid = new GridPane();
    private final RunViewModel vm;

    ProfileWeightsPane(RunViewModel vm) {
        this.vm = vm;
        setText("Profile weights");
        setId("profile-weights");
        setExpanded(false);
        setContent(grid);
        grid.setHgap(8);
        grid.setVgap(4);
        vm.profileWeights().addListener((ListChangeListener<ProfileWeight>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        int row = 0;
        for (ProfileWeight w : vm.profileWeights()) {
            double max = Math.max(10, w.weight() * 4);
            grid.addRow(
                    row++, new Label(w.name()), new SliderField("weight-" + w.name(), w.weightProperty(), max, false));
        }
        if (row == 0) {
            grid.addRow(0, new Label("The project has no weighted profiles."));
        }
        setVisible(true);
    }
}
