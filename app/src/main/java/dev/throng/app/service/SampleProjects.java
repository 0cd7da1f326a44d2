package dev.throng.app.service;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Check;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The shop sample: read from {@code $throng.home/samples/shop.throng.json}, or built in when that is missing. */
public final class SampleProjects {
    private SampleProjects() {}

    /** The sample file, or {@code null} when {@code throng.home} is unset or the file is missing. */
    public static Path shopFile() {
        Path home = ThrongDirs.home();
        if (home == null) {
            return null;
        }
        Path file = home.resolve("samples").resolve("shop.throng.json");
        return Files.isRegularFile(file) ? file : null;
    }

    /** The shop sample, pointed at {@code baseUrl}. Blocking (reads a file). */
    public static Project shop(ProjectFiles files, String baseUrl) {
        Path file = shopFile();
        Project project = null;
        if (file != null) {
            try {
                project = files.read(file).project();
            } catch (Exception e) {
                project = null;
            }
        }
        if (project == null) {
            project = builtInShop();
        }
        return project.withSettings(project.settings().withBaseUrls(List.of(baseUrl)));
    }

    /** A small web shop journey: home, then product pages, cart and checkout by weight. */
    public static Project builtInShop() {
        var home = Step.Request.of("home", "GET", "/").withPosition(new Position(300, 140));
        var product = Step.Request.of("product", "GET", "/product/${productId}")
                .withExtractors(List.of(new Extractor("price", Extractor.Kind.JSONPATH, "$.price", "0")))
                .withPosition(new Position(160, 280));
        var list = Step.Request.of("products", "GET", "/products").withPosition(new Position(440, 280));
        var pause = new Step.Pause("think", Duration.ofMillis(500), Duration.ofSeconds(2), new Position(160, 420));
        var cart = Step.Request.of("add-to-cart", "POST", "/cart/add")
                .withBody(new Body.Form(List.of(new Header("id", "${productId}"))))
                .withChecks(List.of(new Check.Status(List.of(200, 201))))
                .withPosition(new Position(300, 560));
        var flow = new Flow(
                "browse",
                "Browse and buy",
                List.of(home, product, list, pause, cart),
                List.of(
                        Edge.of(Flow.START, "home", 1),
                        Edge.of("home", "product", 70),
                        Edge.of("home", "products", 20),
                        Edge.of("home", Flow.END, 10),
                        Edge.of("products", "product", 1),
                        Edge.of("product", "think", 1),
                        Edge.of("think", "add-to-cart", 30),
                        Edge.of("think", Flow.END, 70),
                        Edge.of("add-to-cart", Flow.END, 1)));
        return new Project(
                "Demo shop",
                "Browse the demo shop: home, the product list, product pages and the cart.",
                Settings.defaults().withBaseUrls(List.of("http://127.0.0.1:8080")),
                List.of(new Variable("productId", "42")),
                List.of(),
                List.of(new UserProfile(
                        "shopper",
                        1,
                        null,
                        new ThinkTime.Between(Duration.ofMillis(200), Duration.ofSeconds(1)),
                        null,
                        0,
                        "browse",
                        null,
                        List.of())),
                List.of(flow),
                new LoadPlan.Closed(20, 5, List.of(), Duration.ofMinutes(1), Duration.ofSeconds(5)),
                List.of(Threshold.parse("p95<500ms"), Threshold.parse("error_rate<1%")));
    }
}
