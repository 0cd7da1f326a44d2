package dev.throng.app.settings;

import dev.throng.app.controls.CommitField;
import dev.throng.engine.project.LoadPlan;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The fields of a capacity search in the load-plan editor: model, start, step and step mode, hold, upper bound,
 * refinements, spawn rate (users) or max concurrent users (arrivals), graceful stop. A refused value shows the field's
 * message in {@code error} and the field goes back to the plan's value. FX thread.
 */
final class CapacityForm extends GridPane {
    private final LoadPlanViewModel vm;
    private final Label error;
    private final Map<LoadPlanViewModel.Field, CommitField> fields = new EnumMap<>(LoadPlanViewModel.Field.class);
    private final Map<LoadPlanViewModel.Field, Label> labels = new EnumMap<>(LoadPlanViewModel.Field.class);
    private final ChoiceBox<LoadPlan.CapacityModel> model = new ChoiceBox<>();
    private final ChoiceBox<LoadPlan.StepMode> stepMode = new ChoiceBox<>();
    private boolean showing;
    private LoadPlan.CapacityModel laidOut;

    CapacityForm(LoadPlanViewModel vm, Label error) {
        this.vm = vm;
        this.error = error;
        setId("capacity-form");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(8));
        model.getItems().setAll(LoadPlan.CapacityModel.values());
        model.setId("capacity-model");
        model.setConverter(converter(m -> m == LoadPlan.CapacityModel.USERS ? "users (closed)" : "arrivals/s (open)"));
        model.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                report("Model", vm.setCapacityModel(b));
            }
        });
        stepMode.getItems().setAll(LoadPlan.StepMode.values());
        stepMode.setId("step-mode");
        stepMode.setConverter(converter(m -> m == LoadPlan.StepMode.ADD ? "add" : "multiply"));
        stepMode.valueProperty().addListener((o, a, b) -> {
            if (!showing && b != null) {
                report("Step mode", vm.setStepMode(b));
            }
        });
        for (LoadPlanViewModel.Field f : LoadPlanViewModel.Field.values()) {
            var label = new Label(f.label());
            var field = new CommitField();
            field.setId("capacity-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            field.setPrefColumnCount(8);
            field.setOnCommit(text -> {
                String problem = vm.setField(f, text);
                report(labels.get(f).getText(), problem);
                if (problem != null) {
                    field.show(vm.fieldText(f));
                    field.setText(vm.fieldText(f));
                }
            });
            labels.put(f, label);
            fields.put(f, field);
        }
        vm.capacityProperty().addListener((o, a, b) -> show());
        show();
    }

    /** Puts the rows that apply to {@code m} in the grid (only when the model changed: rows keep their focus). */
    private void layOut(LoadPlan.CapacityModel m) {
        if (m == laidOut) {
            return;
        }
        laidOut = m;
        getChildren().clear();
        int row = 0;
        add(new Label("Model"), 0, row);
        add(model, 1, row++);
        for (LoadPlanViewModel.Field f : LoadPlanViewModel.Field.values()) {
            if (!f.appliesTo(m)) {
                continue;
            }
            add(labels.get(f), 0, row);
            add(fields.get(f), 1, row);
            if (f == LoadPlanViewModel.Field.STEP) {
                add(stepMode, 2, row);
            }
            row++;
        }
    }

    private void report(String label, String problem) {
        error.setText(problem == null ? "" : label + ": " + problem);
    }

    private void show() {
        LoadPlan.Capacity k = vm.capacityProperty().get();
        if (k == null) {
            return;
        }
        showing = true;
        try {
            layOut(k.model());
            model.setValue(k.model());
            stepMode.setValue(k.stepMode());
            String unit = k.model() == LoadPlan.CapacityModel.USERS ? "users" : "arrivals/s";
            for (var e : fields.entrySet()) {
                LoadPlanViewModel.Field f = e.getKey();
                e.getValue().show(vm.fieldText(f));
                labels.get(f)
                        .setText(
                                switch (f) {
                                    case START, UPPER_BOUND -> f.label() + " (" + unit + ")";
                                    case STEP ->
                                        k.stepMode() == LoadPlan.StepMode.ADD
                                                ? "Step (+ " + unit + ")"
                                                : "Step (× factor)";
                                    default -> f.label();
                                });
            }
        } finally {
            showing = false;
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
