package dev.throng.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.Condition;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesViewModelTest {
    @TempDir
    Path dir;

    ProjectDocument doc;
    MainViewModel main;
    PropertiesViewModel vm;

    @BeforeEach
    void setUp() {
        var files = new MemoryProjectFiles();
        var tasks = BackgroundTasks.inline();
        doc = new ProjectDocument(files, tasks, dir.resolve("user"));
        var flow = new Flow(
                "browse", "Browse", List.of(), List.of(Edge.of(Flow.START, Flow.END, 1), Edge.of("start", "end", 2)));
        doc.openUntitled(
                Project.empty("p")
                        .withFlows(List.of(flow, new Flow("login", "Login", List.of(), List.of())))
                        .withDataSources(List.of(new DataSource(
                                "users", "users.csv", ',', DataSource.Policy.CIRCULAR, DataSource.Exhausted.STOP_USER)))
                        .withProfiles(List.of(UserProfile.of("buyer", 1, "browse"))),
                dir);
        main = new MainViewModel(doc, files, tasks);
        vm = new PropertiesViewModel(doc, main);
    }

    private PropertyRow row(String name) {
        return vm.rows().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in "
                        + vm.rows().stream().map(PropertyRow::name).toList()));
    }

    private boolean has(String name) {
        return vm.rows().stream().anyMatch(r -> r.name().equals(name));
    }

    private String set(String name, Object value) {
        return row(name).set().apply(value);
    }

    private Object value(String name) {
        return row(name).value().getValue();
    }

    private UserProfile buyer() {
        return doc.project().profile("buyer").orElseThrow();
    }

    @Test
    void profileThinkTimeKindsShowTheirOwnFieldsAndUndo() {
        main.selectionProperty().set(new Selection.Profile("buyer"));
        Project before = doc.project();
        assertThat(value("Think time")).isEqualTo("none");
        assertThat(has("Min (ms)")).isFalse();
        assertThat(set("Think time", "between")).isNull();
        assertThat(buyer().thinkTime()).isEqualTo(new ThinkTime.Between(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        assertThat(set("Max (ms)", 500L)).contains("below the minimum");
        assertThat(set("Min (ms)", 4000L)).isNull();
        assertThat(buyer().thinkTime()).isEqualTo(new ThinkTime.Between(Duration.ofSeconds(4), Duration.ofSeconds(4)));
        assertThat(set("Think time", "pacing")).isNull();
        assertThat(set("Interval (ms)", 2500L)).isNull();
        assertThat(buyer().thinkTime()).isEqualTo(new ThinkTime.Pacing(Duration.ofMillis(2500)));
        assertThat(set("Interval (ms)", 0L)).contains("above 0");
        assertThat(set("Think time", "throughput")).isNull();
        assertThat(set("Iterations/s per user", 0.5)).isNull();
        assertThat(buyer().thinkTime()).isEqualTo(new ThinkTime.Throughput(0.5));
        assertThat(set("Think time", "constant")).isNull();
        assertThat(set("Pause (ms)", 750L)).isNull();
        assertThat(buyer().thinkTime()).isEqualTo(new ThinkTime.Constant(Duration.ofMillis(750)));
        assertThat(value("Pause (ms)")).isEqualTo(750L);
        for (int i = 0; i < 8; i++) {
            doc.undo();
        }
        assertThat(doc.project()).isEqualTo(before);
        assertThat(has("Pause (ms)")).isFalse();
    }

    @Test
    void profileCountFlowsAndDataBindings() {
        main.selectionProperty().set(new Selection.Profile("buyer"));
        Project before = doc.project();
        assertThat(set("Users by", ProfileProperties.BY_COUNT)).isNull();
        assertThat(has("Weight")).isFalse();
        assertThat(set("Fixed count", 3)).isNull();
        assertThat(buyer().fixedCount()).isEqualTo(3);
        assertThat(set("Users by", ProfileProperties.BY_WEIGHT)).isNull();
        assertThat(buyer().fixedCount()).isNull();
        assertThat(set("Weight", 2.0)).isNull();

        assertThat(row("Main flow").choices()).containsExactly("browse", "login");
        assertThat(set("Main flow", ProfileProperties.NONE)).contains("needs a main flow");
        assertThat(has("Start probability (%)")).isFalse();
        assertThat(set("Start flow", "login")).isNull();
        assertThat(set("Start probability (%)", 30.0)).isNull();
        assertThat(buyer().startFlow()).isEqualTo("login");
        assertThat(buyer().startProbability()).isEqualTo(0.3);
        assertThat(set("Start probability (%)", 130.0)).contains("between 0 and 100");
        assertThat(set("Stop flow", "login")).isNull();
        assertThat(buyer().stopFlow()).isEqualTo("login");
        assertThat(set("Stop flow", ProfileProperties.NONE)).isNull();
        assertThat(buyer().stopFlow()).isNull();

        assertThat(value("users")).isEqualTo(ProfileProperties.NOT_READ);
        assertThat(set("users", ProfileProperties.EACH)).isNull();
        assertThat(buyer().data()).containsExactly(new DataBinding("users", DataBinding.When.EACH_ITERATION));
        assertThat(set("users", ProfileProperties.ONCE)).isNull();
        assertThat(buyer().data()).containsExactly(new DataBinding("users", DataBinding.When.USER_START));
        assertThat(set("users", ProfileProperties.NOT_READ)).isNull();
        assertThat(buyer().data()).isEmpty();

        while (doc.canUndoProperty().get()) {
            doc.undo();
        }
        assertThat(doc.project()).isEqualTo(before);
    }

    @Test
    void settingsTimeoutsTlsRedirectsConnectionsAndLists() {
        main.selectionProperty().set(new Selection.Settings());
        Project before = doc.project();
        assertThat(set("Total timeout (ms)", 5000L)).isNull();
        assertThat(doc.project().settings().timeouts().total()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set("Total timeout (ms)", 0L)).isNull();
        assertThat(set("Connect timeout (ms)", 1500L)).isNull();
        assertThat(set("Response timeout (ms)", 2500L)).isNull();
        assertThat(doc.project().settings().timeouts())
                .isEqualTo(new Settings.Timeouts(Duration.ofMillis(1500), Duration.ofMillis(2500), null));

        assertThat(set("Trust store", "certs/trust.p12")).isNull();
        assertThat(set("Trust store password", "hunter2!")).contains("environment variable");
        assertThat(set("Trust store password", "TRUST_PASSWORD")).isNull();
        assertThat(set("Client certificate", "certs/me.p12")).isNull();
        assertThat(set("Client certificate password", "${env:CERT_PW}")).isNull();
        assertThat(doc.project().settings().tls())
                .isEqualTo(new Settings.Tls(
                        true, "certs/trust.p12", "${env:TRUST_PASSWORD}", "certs/me.p12", "${env:CERT_PW}", false));
        assertThat(has("WARNING")).isFalse();
        assertThat(set("Check host names", false)).isNull();
        assertThat(doc.project().settings().tls().verify()).isFalse();
        assertThat(set("Trust all certificates", true)).isNull();
        assertThat(doc.project().settings().tls().trustAll()).isTrue();
        assertThat(value("WARNING")).isEqualTo(SettingsProperties.TRUST_ALL_WARNING);

        assertThat(set("Max redirects", 3)).isNull();
        assertThat(set("Follow redirects", false)).isNull();
        assertThat(doc.project().settings().redirects()).isEqualTo(new Settings.Redirects(false, 3));
        assertThat(has("Pool size")).isFalse();
        assertThat(set("Policy", Settings.Connections.Policy.SHARED)).isNull();
        assertThat(set("Pool size", 50)).isNull();
        assertThat(doc.project().settings().connections())
                .isEqualTo(new Settings.Connections(Settings.Connections.Policy.SHARED, 50));
        assertThat(set("Local addresses", "10.0.0.1\n\n 10.0.0.2 ")).isNull();
        assertThat(doc.project().settings().localAddresses()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(set("Max body (bytes)", 1024L)).isNull();
        assertThat(doc.project().settings().maxBodyBytes()).isEqualTo(1024);
        assertThat(set("Base URLs", "http://127.0.0.1:8080\nhttp://127.0.0.1:9090"))
                .isNull();
        assertThat(value("Base URL")).isEqualTo("http://127.0.0.1:8080");
        assertThat(set("Default headers", "Accept: application/json\nX-Run: ${run}"))
                .isNull();
        assertThat(doc.project().settings().headers())
                .containsExactly(new Header("Accept", "application/json"), new Header("X-Run", "${run}"));
        assertThat(value("Default headers")).isEqualTo("Accept: application/json\nX-Run: ${run}");
        assertThat(set("Default headers", "no colon here")).contains("Name: value");

        while (doc.canUndoProperty().get()) {
            doc.undo();
        }
        assertThat(doc.project()).isEqualTo(before);
    }

    @Test
    void loadPlanSwitchesBetweenClosedAndOpen() {
        main.selectionProperty().set(new Selection.LoadPlan());
        Project before = doc.project();
        assertThat(set("Users", 25)).isNull();
        assertThat(((LoadPlan.Closed) doc.project().loadPlan()).users()).isEqualTo(25);
        assertThat(set("Model", LoadPlanProperties.OPEN)).isNull();
        assertThat(doc.project().loadPlan()).isInstanceOf(LoadPlan.Open.class);
        assertThat(has("Users")).isFalse();
        assertThat(set("Start rate (arrivals/s)", 4.0)).isNull();
        assertThat(set("Max concurrent users", 40)).isNull();
        assertThat(set("Graceful stop (s)", 9L)).isNull();
        assertThat(doc.project().loadPlan())
                .isEqualTo(new LoadPlan.Open(4, List.of(), 40, Duration.ofMinutes(1), Duration.ofSeconds(9)));
        assertThat(set("Duration (s)", 0L)).contains("above 0");
        assertThat(set("Model", LoadPlanProperties.CLOSED)).isNull();
        assertThat(has("Users")).isTrue();
        while (doc.canUndoProperty().get()) {
            doc.undo();
        }
        assertThat(doc.project()).isEqualTo(before);
    }

    @Test
    void loadPlanBecomesACapacitySearchEditedRowByRow() {
        main.selectionProperty().set(new Selection.LoadPlan());
        assertThat(set("Users", 20)).isNull();
        assertThat(row("Model").choices()).contains(LoadPlanProperties.CAPACITY);
        assertThat(set("Model", LoadPlanProperties.CAPACITY)).isNull();
        assertThat(value("Model")).isEqualTo(LoadPlanProperties.CAPACITY);
        assertThat(has("Users")).isFalse();
        assertThat(has("Duration (s)"))
                .as("a search's length follows from its steps")
                .isFalse();
        assertThat(value("Start (users)")).isEqualTo(20.0);
        assertThat(set("Upper bound (users)", 200.0)).isNull();
        assertThat(set("Step", 20.0)).isNull();
        assertThat(set("Hold (s)", 15L)).isNull();
        assertThat(set("Hold (s)", 0L)).contains("at least 1 s");
        assertThat(set("Start (users)", -1.0)).isEqualTo("enter a number above 0");
        assertThat(set("Refinements", 11)).isEqualTo("enter 0 to 10");
        assertThat(value("At most")).isEqualTo("3m");
        assertThat(has("Max concurrent users")).isFalse();
        assertThat(set("Counts", CapacityProperties.ARRIVALS)).isNull();
        assertThat(has("Start (arrivals/s)")).isTrue();
        assertThat(has("Spawn rate (users/s)")).isFalse();
        assertThat(set("Max concurrent users", 300)).isNull();
        assertThat(set("Step mode", CapacityProperties.MULTIPLY)).isNull();
        var k = (LoadPlan.Capacity) doc.project().loadPlan();
        assertThat(k.model()).isEqualTo(LoadPlan.CapacityModel.ARRIVALS);
        assertThat(k.stepMode()).isEqualTo(LoadPlan.StepMode.MULTIPLY);
        assertThat(k.step()).as("a factor replaces the increment").isEqualTo(1.5);
        assertThat(k.hold()).isEqualTo(Duration.ofSeconds(15));
        assertThat(k.upperBound()).isEqualTo(200);
        assertThat(k.maxConcurrentUsers()).isEqualTo(300);
        assertThat(set("Model", LoadPlanProperties.OPEN)).isNull();
        assertThat(((LoadPlan.Open) doc.project().loadPlan()).startRate())
                .as("the start becomes the arrival rate")
                .isEqualTo(20);
    }

    @Test
    void arrowConditionIsEditedFromTheSheet() {
        main.selectionProperty().set(new Selection.Edge("browse", 1));
        Project before = doc.project();
        assertThat(value("Test")).isEqualTo(EdgeProperties.ALWAYS);
        assertThat(has("Variable")).isFalse();
        assertThat(set("Test", "EQUALS")).isNull();
        assertThat(set("Variable", "${role}")).isNull();
        assertThat(set("Value", "admin")).isNull();
        Edge edge = doc.project().flow("browse").orElseThrow().edges().get(1);
        assertThat(edge).isEqualTo(new Edge("start", "end", 2, new Condition("role", Condition.Op.EQUALS, "admin")));
        assertThat(set("Test", "MATCHES")).isNull();
        assertThat(set("Value", "(unclosed")).contains("not a regular expression");
        assertThat(set("Test", "IS_SET")).isNull();
        assertThat(has("Value")).isFalse();
        assertThat(set("Variable", " ")).contains("name the variable");
        assertThat(set("Test", EdgeProperties.ALWAYS)).isNull();
        assertThat(doc.project().flow("browse").orElseThrow().edges().get(1).condition())
                .isNull();
        while (doc.canUndoProperty().get()) {
            doc.undo();
        }
        assertThat(doc.project()).isEqualTo(before);
    }
}
