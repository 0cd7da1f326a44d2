package dev.throng.app.project;

import static dev.throng.app.project.GuiFixture.fx;
import static dev.throng.app.project.GuiFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.agents.AgentRow;
import dev.throng.app.run.RunState;
import dev.throng.app.run.Screenshots;
import dev.throng.app.run.StatsRow;
import dev.throng.engine.Version;
import dev.throng.engine.cluster.AgentWorker;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Step;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.transport.AgentConfig;
import dev.throng.engine.transport.AgentConnection;
import dev.throng.engine.transport.AgentEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Agents tab listens on loopback without keys, a real agent (the engine's worker over a real ZeroMQ connection,
 * in this JVM: the app does not depend on the remote-agent module) joins and shows in the table, and the Run tab's
 * Start runs the demo-shop project on it.
 */
@ExtendWith(ApplicationExtension.class)
class AgentsGuiIT {
    @RegisterExtension
    static final ShopWindow shop = new ShopWindow();

    @TempDir
    static Path dir;

    GuiFixture app;
    private volatile AgentConnection connection;
    private AgentWorker worker;

    @Start
    void start(Stage stage) {
        app = shop.open(
                stage,
                dir,
                "Agents test shop",
                List.of(Step.Request.of("home", "GET", "/"), Step.Request.of("products", "GET", "/products")),
                List.of(Edge.of(Flow.START, "home", 1), Edge.of("home", "products", 1)),
                new LoadPlan.Closed(2, 10, List.of(), Duration.ofSeconds(30), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (connection != null) {
            connection.close();
        }
        app.shutdown();
    }

    private void startAgent(String controller) {
        worker = new AgentWorker(
                dir.resolve("agent-work"),
                Map.of(),
                message -> {
                    AgentConnection c = connection;
                    if (c != null) {
                        c.send(message);
                    }
                },
                state -> {
                    AgentConnection c = connection;
                    if (c != null) {
                        c.setState(state);
                    }
                },
                line -> {});
        var config = AgentConfig.of(controller, AgentConfig.helloOfThisProcess("gui-agent-1", Version.THRONG));
        connection = AgentConnection.connectInsecure(config, event -> {
            switch (event) {
                case AgentEvent.ControllerMessage m
                when !(m.message() instanceof Message.Error) -> worker.onMessage(m.message());
                case AgentEvent.ControllerLost l -> worker.controllerLost(l.reason());
                default -> {}
            }
        });
    }

    @Test
    void listensSeesTheAgentAndRunsOnIt(FxRobot robot) throws Exception {
        var agents = app.view.agents();
        fx(() -> {
            app.view.showAgentsTab();
            agents.endpointProperty().set("tcp://127.0.0.1:*");
            return null;
        });
        robot.clickOn("#agents-listen");
        assertThat(fx(() -> agents.errorProperty().get()))
                .as("no keys folder and not insecure")
                .contains("keys folder");
        robot.clickOn("#agents-insecure");
        waitFor(5, () -> robot.lookup("#agents-insecure-warning").query().isVisible());
        robot.clickOn("#agents-listen");
        waitFor(20, () -> agents.listeningProperty().get());
        String endpoint = fx(() -> agents.boundEndpointProperty().get());
        assertThat(endpoint).startsWith("tcp://127.0.0.1:").doesNotEndWith(":*");

        startAgent(endpoint);
        @SuppressWarnings("unchecked")
        TableView<AgentRow> table = robot.lookup("#agents-table").queryAs(TableView.class);
        waitFor(20, () -> table.getItems().size() == 1);
        AgentRow row = fx(() -> table.getItems().getFirst());
        assertThat(row.id()).isEqualTo("gui-agent-1");
        assertThat(row.cores()).isPositive();
        assertThat(row.state()).isEqualTo("idle");

        robot.clickOn("#run-on-agents");
        fx(() -> {
            app.view.showRunTab();
            return null;
        });
        robot.clickOn("#start");
        var run = app.view.runModel();
        try {
            waitFor(30, () -> run.rows().stream().mapToLong(StatsRow::requests).sum() > 20);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    fx(() -> "no requests; state " + run.stateProperty().get() + ", phase "
                            + run.phaseTextProperty().get() + ", error "
                            + run.errorProperty().get() + ", rows " + run.rows()
                            + ", agents log " + agents.log()));
        }
        assertThat(fx(() -> run.rows().stream().map(StatsRow::name).toList())).contains("/", "/products");
        fx(() -> {
            app.view.showAgentsTab();
            return null;
        });
        waitFor(
                10,
                () -> table.getItems().size() == 1
                        && table.getItems().getFirst().state().equals("running"));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Screenshots.write(
                    robot.lookup("#agents-view").query().getScene(), Path.of("target", "screenshots", "agents.png"));
            return null;
        });

        fx(() -> {
            run.stop();
            return null;
        });
        waitFor(30, () -> run.stateProperty().get() == RunState.FINISHED);
        assertThat(fx(() -> run.errorProperty().get())).isEmpty();
        waitFor(10, () -> !agents.listeningProperty().get());
        assertThat(fx(() -> agents.statusProperty().get())).contains("press Listen");
    }
}
