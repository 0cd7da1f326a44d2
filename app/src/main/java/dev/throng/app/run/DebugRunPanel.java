package dev.throng.app.run;

import dev.throng.engine.user.Exchange;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The debug run: choose a profile and a number of iterations, run one user, then inspect every request and response
 * (list on the left, the selected exchange in full on the right). FX thread only.
 */
final class DebugRunPanel extends VBox {

    DebugRunPanel(DebugRunViewModel vm) {
        super(6);
        setId("debug-run");
        setPadding(new Insets(6));
        ChoiceBox<String> profile = new ChoiceBox<>(vm.profiles());
        profile.setId("debug-profile");
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        Spinner<Integer> iterations =
                new Spinner<>(1, 1000, vm.iterationsProperty().get());
        iterations.setId("debug-iterations");
        iterations.setEditable(true);
        iterations.setPrefWidth(80);
        iterations
                .valueProperty()
                .addListener((o, was, now) -> vm.iterationsProperty().set(now));
        Button run = new Button("Run one user");
        run.setId("debug-start");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Label status = new Label();
        status.setId("debug-status");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(8, new Label("Profile"), profile, new Label("Iterations"), iterations, run, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        ListView<Exchange> list = new ListView<>(vm.exchanges());
        list.setId("debug-exchanges");
        list.setPlaceholder(new Label("Run one user to see each request and response here."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Exchange item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ExchangeText.summary(item));
                getStyleClass().remove("debug-failed");
                if (!empty && item != null && item.failed()) {
                    getStyleClass().add("debug-failed");
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        TextArea inspector = new TextArea();
        inspector.setId("debug-inspector");
        inspector.setEditable(false);
        inspector.getStyleClass().add("debug-inspector");
        vm.selectedProperty().addListener((o, was, now) -> {
            inspector.setText(now == null ? "" : ExchangeText.full(now));
            inspector.positionCaret(0);
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        SplitPane split = new SplitPane(list, inspector);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.4);
        getChildren().addAll(bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
    }
}
