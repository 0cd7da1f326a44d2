package dev.throng.app.service;

import java.nio.file.Path;

/** Where the app keeps its own files: {@code ~/.throng}, or the folder named by {@code -Dthrong.user.dir}. */
public final class ThrongDirs {
    private ThrongDirs() {}

    public static Path userDir() {
        String override = System.getProperty("throng.user.dir");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".throng");
    }

    /** The repository (or installation) root, from {@code -Dthrong.home} set by the launcher; null when unset. */
    public static Path home() {
        String home = System.getProperty("throng.home");
        return home == null ? null : Path.of(home);
    }
}
