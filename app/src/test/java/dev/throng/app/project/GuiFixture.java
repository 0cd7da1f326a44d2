package dev.throng.app.project;

import dev.throng.app.ThrongApp;
import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.service.EngineProjectFiles;
import dev.throng.app.service.ProjectFiles;
import dev.throng.app.service.RequestSender;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** A main window on a stage, with real project files (the engine's format) and scripted prompts. */
final class GuiFixture {
    final ProjectFiles files = new EngineProjectFiles();
    final BackgroundTasks tasks = BackgroundTasks.fx();
    final ProjectDocument document;
    final MainView view;
    Path saveTo;

    GuiFixture(Stage stage, Path userDir) {
        document = new ProjectDocument(files, tasks, userDir);
        RequestSender sender = (p, d, r) -> {
            throw new UnsupportedOperationException("no engine in this test");
        };
        view = new MainView(document, files, tasks, sender);
        var scene = new Scene(view, 1280, 820);
        scene.getStylesheets().add(ThrongApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        document.setPrompts(new DocumentPrompts() {
            @Override
            public UnsavedChoice unsavedChanges(String name) {
                return UnsavedChoice.DISCARD;
            }

            @Override
            public Path chooseSaveFile(String suggestedName) {
                return saveTo;
            }

            @Override
            public boolean restoreRecovery(Path file) {
                return false;
            }

            @Override
            public void error(String message) {
                throw new AssertionError(message);
            }
        });
    }

    /** Shuts the window's views down on the FX thread, then closes the background tasks. */
    void shutdown() {
        fx(() -> {
            view.shutdown();
            return null;
        });
        tasks.close();
    }

    /** Waits up to {@code seconds} s for {@code condition}, checked on the FX thread. */
    static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
    }

    /** Runs {@code call} on the FX thread, waits for the events it caused, and returns its value. */
    static <T> T fx(Callable<T> call) {
        try {
            T value = WaitForAsyncUtils.asyncFx(call).get();
            WaitForAsyncUtils.waitForFxEvents();
            return value;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
