package dev.throng.app.fx;

import javafx.application.Platform;

/** Assertions for FX-confined code (views). */
public final class FxThread {
    private FxThread() {}

    /** Throws unless called on the JavaFX application thread. */
    public static void check() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(
                    "called from " + Thread.currentThread().getName() + "; must run on the JavaFX application thread");
        }
    }
}
