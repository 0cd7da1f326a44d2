package dev.throng.app;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.FxPrompts;
import dev.throng.app.project.MainView;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.EngineProjectFiles;
import dev.throng.app.service.EngineRequestSender;
import dev.throng.app.service.ProjectFiles;
import dev.throng.app.service.SampleProjects;
import dev.throng.app.service.ThrongDirs;
import dev.throng.demo.DemoShop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. With a project argument it opens that file; without, it starts the demo shop in-process
 * and opens the shop sample as an untitled copy aimed at it, so pressing Start shows numbers at once.
 *
 * <p>Lifecycle methods run on the FX thread (start, stop) or the launcher thread (init), as JavaFX defines.
 */
public final class ThrongApp extends Application {
    public static final Duration AUTOSAVE_PERIOD = Duration.ofSeconds(20);

    private BackgroundTasks tasks;
    private MainView view;
    private volatile DemoShop shop;

    @Override
    public void start(Stage stage) {
        tasks = BackgroundTasks.fx();
        ProjectFiles files = new EngineProjectFiles();
        var document = new ProjectDocument(files, tasks, ThrongDirs.userDir());
        view = new MainView(document, files, tasks, new EngineRequestSender());
        var scene = new Scene(view, 1400, 860);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(document.titleProperty().concat(" — Throng"));
        document.setPrompts(new FxPrompts(stage));
        stage.setOnCloseRequest(e -> {
            e.consume();
            document.whenChangesHandled(() -> {
                document.stopAutosave();
                document.discardRecovery();
                stage.hide();
                Platform.runLater(Platform::exit);
            });
        });
        stage.show();
        document.startAutosave(AUTOSAVE_PERIOD);

        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            document.open(Path.of(args.getFirst()));
        } else {
            Path sampleFile = SampleProjects.shopFile();
            Path sampleDir =
                    sampleFile != null ? sampleFile.getParent() : Path.of("").toAbsolutePath();
            tasks.run(
                    () -> {
                        shop = DemoShop.start("127.0.0.1", 0);
                        return SampleProjects.shop(files, shop.baseUri().toString());
                    },
                    sample -> document.openUntitled(sample, sampleDir),
                    e -> document.openUntitled(SampleProjects.builtInShop()));
        }
    }

    /** The app's stylesheet URL. */
    public static String stylesheet() {
        return ThrongApp.class.getResource("throng.css").toExternalForm();
    }

    @Override
    public void stop() {
        MainView v = view;
        if (v != null) {
            v.shutdown();
        }
        DemoShop s = shop;
        if (s != null) {
            s.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
