package dev.throng.app;

import javafx.application.Application;

/**
 * Starts the desktop app from the classpath; deliberately not a JavaFX {@code Application} (so no module path is
 * needed). Arguments: an optional project file to open.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(ThrongApp.class, args);
    }
}
