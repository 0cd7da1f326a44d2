import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Started by check.sh in a copy of the desktop app image, in place of the app: proves that the
 * packaged runtime and classpath can start JavaFX and show a window (under xvfb-run on CI).
 * Prints "javafx started VERSION" and exits 0, or exits 1 after 30 s.
 */
public final class FxProbe {
    private FxProbe() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("Throng installer check"), 320, 120));
            stage.show();
            System.out.println("javafx started " + System.getProperty("javafx.runtime.version"));
            shown.countDown();
        });
        boolean ok = shown.await(30, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(ok ? 0 : 1);
    }
}
