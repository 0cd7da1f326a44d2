package dev.throng.app.run;

import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The weight of one weighted user profile, editable on the dashboard before and during a run.
 *
 * <p>Confined to the FX thread.
 */
public final class ProfileWeight {
    private final String name;
    private final DoubleProperty weight;

    ProfileWeight(String name, double weight) {
        this.name = Objects.requireNonNull(name);
        this.weight = new SimpleDoubleProperty(this, "weight", weight);
    }

    /** The profile's name. */
    public String name() {
        return name;
    }

    /** The profile's weight (relative; not negative). */
    public DoubleProperty weightProperty() {
        return weight;
    }

    public double weight() {
        return weight.get();
    }
}
