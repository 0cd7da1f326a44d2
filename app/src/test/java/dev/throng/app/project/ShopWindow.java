package dev.throng.app.project;

import dev.throng.demo.DemoShop;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up of the GUI tests that run a project against the demo shop: a shop on 127.0.0.1 (port 0) for the whole
 * test class, and a main window holding an untitled project that browses it.
 *
 * <p>Register as {@code @RegisterExtension static final ShopWindow shop = new ShopWindow();} and call {@link #open}
 * from the test's own {@code @Start} method (TestFX only calls a {@code @Start} declared by the test class itself);
 * close the window with {@link GuiFixture#shutdown()}. {@link #open} runs on the FX thread, like {@code @Start}.
 */
final class ShopWindow implements BeforeAllCallback, AfterAllCallback {
    /** The think time of the project's one user profile, ms. */
    static final long THINK_TIME_MS = 20;

    private volatile DemoShop shop; // written before all tests, read on the FX thread

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        shop = DemoShop.start("127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shop != null) {
            shop.close();
        }
    }

    /**
     * Shows a main window on {@code stage} (user settings in {@code dir/user}) and opens in it an untitled project in
     * {@code dir} named {@code name}: one flow "browse" of {@code steps} and {@code edges} against the shop, one
     * profile "shopper" pausing {@value #THINK_TIME_MS} ms between steps, and the load plan {@code plan}.
     */
    GuiFixture open(Stage stage, Path dir, String name, List<Step> steps, List<Edge> edges, LoadPlan plan) {
        GuiFixture app = new GuiFixture(stage, dir.resolve("user"));
        Flow browse = new Flow("browse", "Browse the shop", steps, edges);
        Project project = Project.empty(name)
                .withSettings(
                        Settings.defaults().withBaseUrls(List.of(shop.baseUri().toString())))
                .withFlows(List.of(browse))
                .withProfiles(List.of(UserProfile.of("shopper", 1, "browse")
                        .withThinkTime(new ThinkTime.Constant(Duration.ofMillis(THINK_TIME_MS)))))
                .withLoadPlan(plan);
        app.document.openUntitled(project, dir);
        return app;
    }
}
