package dev.throng.app;

/** Starts the desktop app from the classpath; deliberately not a JavaFX {@code Application}. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.out.println("Throng desktop app: not built yet.");
    }
}
