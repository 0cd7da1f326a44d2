package dev.throng.app.run;

import java.util.Locale;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * A slider and a text field editing one number property together. The field commits on Enter or when it loses focus;
 * a value typed beyond the slider's end moves the end. Whole numbers when {@code integer}. FX thread only.
 */
final class SliderField extends HBox {
    private final Slider slider;
    private final TextField field = new TextField();
    private final Property<Number> property;
    private final boolean integer;
    private boolean updating;

    SliderField(String id, Property<Number> property, double max, boolean integer) {
        this(id, property, max, integer, true);
    }

    /** Like the other constructor; without a visible slider when {@code withSlider} is false (field only). */
    SliderField(String id, Property<Number> property, double max, boolean integer, boolean withSlider) {
        super(4);
        this.property = property;
        this.integer = integer;
        setAlignment(Pos.CENTER_LEFT);
        double value = property.getValue().doubleValue();
        slider = new Slider(0, Math.max(max, value), value);
        slider.setId(id + "-slider");
        slider.setPrefWidth(140);
        field.setId(id);
        field.setPrefColumnCount(5);
        field.setText(format(value));
        slider.valueProperty().addListener((o, was, now) -> {
            if (!updating) {
                commit(integer ? Math.round(now.doubleValue()) : round1(now.doubleValue()));
            }
        });
        property.addListener((o, was, now) -> show(now.doubleValue()));
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitText();
            }
        });
        if (withSlider) {
            getChildren().add(slider);
        }
        getChildren().add(field);
    }

    private void commitText() {
        try {
            double v = Double.parseDouble(field.getText().strip().replace(",", ""));
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            commit(integer ? Math.round(v) : v);
        } catch (NumberFormatException e) {
            field.setText(format(property.getValue().doubleValue()));
        }
    }

    private void commit(double v) {
        if (integer) {
            property.setValue((int) Math.min(Integer.MAX_VALUE, v));
        } else {
            property.setValue(v);
        }
        show(property.getValue().doubleValue());
    }

    private void show(double v) {
        updating = true;
        try {
            if (v > slider.getMax()) {
                slider.setMax(v * 1.5);
            }
            slider.setValue(v);
            field.setText(format(v));
        } finally {
            updating = false;
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private String format(double v) {
        return integer || v == Math.rint(v) ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
