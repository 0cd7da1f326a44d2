package dev.throng.app.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.cluster.ClusterOptions;
import dev.throng.engine.project.Project;
import dev.throng.engine.protocol.Message;
import dev.throng.engine.protocol.PeerState;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.transport.AgentInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class AgentsViewModelTest {
    private final BackgroundTasks tasks = BackgroundTasks.inline();
    private final List<ClusterOptions> bound = new ArrayList<>();
    private final FakeListener listener = new FakeListener();
    private long now = 10_000;
    private RuntimeException bindFailure;
    private final BiFunction<Project, Path, RunHandle> local = (p, d) -> {
        throw new RunStartException("local starter");
    };
    private final AgentsViewModel vm = new AgentsViewModel(
            tasks,
            options -> {
                bound.add(options);
                if (bindFailure != null) {
                    throw bindFailure;
                }
                return listener;
            },
            () -> now,
            local);

    /** A bound controller without sockets: its agents are set by the test; start records the call. */
    static final class FakeListener implements AgentListener {
        List<AgentInfo> agents = List.of();
        int starts;
        boolean closed;

        @Override
        public String endpoint() {
            return "tcp://127.0.0.1:40123";
        }

        @Override
        public Collection<AgentInfo> agents() {
            return agents;
        }

        @Override
        public RunHandle start(Project project, Path directory) {
            starts++;
            throw new RunStartException("fake run on the agents");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static AgentInfo agent(String id, PeerState state, long lastHeard) {
        var hello = new Message.Hello(
                id, Message.PROTOCOL_VERSION, "0.1.0", 8, 4L * 1024 * 1024 * 1024, 1024, "host-" + id);
        return new AgentInfo(id, hello, state, 1_000, lastHeard);
    }

    @Test
    void listensInsecureWithTheEnteredAddressAndCount() {
        vm.insecureProperty().set(true);
        vm.endpointProperty().set(" tcp://127.0.0.1:* ");
        vm.agentCountProperty().set(3);
        vm.listen();

        assertThat(vm.listeningProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(bound).singleElement().satisfies(o -> {
            assertThat(o.bindEndpoint()).isEqualTo("tcp://127.0.0.1:*");
            assertThat(o.insecure()).isTrue();
            assertThat(o.agents()).isEqualTo(3);
        });
        assertThat(vm.boundEndpointProperty().get()).isEqualTo("tcp://127.0.0.1:40123");
        assertThat(vm.statusProperty().get()).contains("throng agent --controller tcp://127.0.0.1:40123 --insecure");
    }

    @Test
    void theDefaultIsThePort5557OnEveryInterfaceAndNeedsKeys() {
        assertThat(vm.endpointProperty().get()).isEqualTo("tcp://*:5557");
        vm.listen();
        assertThat(bound).isEmpty();
        assertThat(vm.listeningProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("keys folder").contains("Insecure");

        vm.keysFolderProperty().set("/keys/here");
        vm.listen();
        assertThat(bound)
                .singleElement()
                .satisfies(o -> assertThat(o.keysDirectory()).isEqualTo(Path.of("/keys/here")));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("--keys");
        assertThat(AgentsViewModel.joinAddress("tcp://*:5557")).isEqualTo("tcp://HOST:5557");
    }

    @Test
    void bindFailuresAreShownWithTheAddress() {
        bindFailure = new RunStartException("tcp://*:5557 is in use: stop the other controller or choose another port");
        vm.insecureProperty().set(true);
        vm.listen();
        assertThat(vm.listeningProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get())
                .startsWith("Could not listen on tcp://*:5557: ")
                .contains("is in use");

        bindFailure = new RunStartException(
                "no controller.key in /k (make one with: throng keys init /k)", new IOException("x"));
        vm.insecureProperty().set(false);
        vm.keysFolderProperty().set("/k");
        vm.listen();
        assertThat(vm.errorProperty().get()).contains("no controller.key in /k");
    }

    @Test
    void theTableFollowsTheSnapshotOnEachTick() {
        vm.insecureProperty().set(true);
        vm.listen();
        assertThat(vm.rows()).isEmpty();

        listener.agents = List.of(agent("b", PeerState.IDLE, 9_600), agent("a", PeerState.RUNNING, 10_000));
        tasks.tick();
        assertThat(vm.rows())
                .containsExactly(
                        new AgentRow("a", "host-a", 8, "4.0 GiB", "running", "0.0 s ago"),
                        new AgentRow("b", "host-b", 8, "4.0 GiB", "idle", "0.4 s ago"));

        now = 12_000;
        listener.agents = List.of(agent("a", PeerState.RUNNING, 11_500));
        tasks.tick();
        assertThat(vm.rows()).singleElement().extracting(AgentRow::lastHeard).isEqualTo("0.5 s ago");

        vm.stopListening();
        assertThat(listener.closed).isTrue();
        assertThat(vm.listeningProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        listener.agents = List.of(agent("c", PeerState.IDLE, 12_000));
        tasks.tick();
        assertThat(vm.rows()).as("no poll after Stop listening").isEmpty();
    }

    @Test
    void localIsTheDefaultStarter() {
        assertThat(vm.starter()).isSameAs(local);
    }

    @Test
    void agentsWithoutListeningSayWhatToDo() {
        vm.runOnProperty().set(RunTarget.AGENTS);
        var starter = vm.starter();
        assertThatThrownBy(() -> starter.apply(Project.empty("p"), Path.of(".")))
                .isInstanceOf(RunStartException.class)
                .hasMessageContaining("Press Listen");
    }

    @Test
    void aRunOnTheAgentsTakesTheControllerUntilItEnds() {
        vm.insecureProperty().set(true);
        vm.listen();
        vm.runOnProperty().set(RunTarget.AGENTS);

        var starter = vm.starter();
        assertThat(vm.isInRun()).isTrue();
        assertThat(vm.statusProperty().get()).contains("waits for 1 agent");
        assertThatThrownBy(() -> starter.apply(Project.empty("p"), Path.of(".")))
                .hasMessageContaining("fake run on the agents");
        assertThat(listener.starts).isEqualTo(1);

        vm.stopListening();
        assertThat(vm.listeningProperty().get())
                .as("Stop listening waits for the run")
                .isTrue();
        var second = vm.starter();
        assertThatThrownBy(() -> second.apply(Project.empty("p"), Path.of("."))).hasMessageContaining("busy");

        vm.runEnded();
        assertThat(vm.isInRun()).isFalse();
        assertThat(vm.listeningProperty().get()).isFalse();
        assertThat(listener.closed).isTrue();
        assertThat(vm.statusProperty().get()).contains("press Listen");

        vm.listen();
        assertThat(vm.listeningProperty().get()).isTrue();
        assertThat(bound).hasSize(2);
    }
}
