package dev.throng.engine.project;

/** Where the designer draws a step, in canvas units (unscaled pixels). Has no effect on a run. */
public record Position(double x, double y) {
    public static final Position ORIGIN = new Position(0, 0);
}
