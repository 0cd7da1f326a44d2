package dev.throng.app.agents;

import dev.throng.engine.cluster.Controller;
import dev.throng.engine.project.Project;
import dev.throng.engine.run.Overrides;
import dev.throng.engine.run.RunHandle;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.transport.AgentInfo;
import java.nio.file.Path;
import java.util.Collection;

/**
 * A bound controller as the agents pane sees it: its address, who joined, and one run. The app's instance wraps
 * {@link Controller}; unit tests give their own.
 */
interface AgentListener extends AutoCloseable {

    /** The bound address with its real port. */
    String endpoint();

    /** The agents joined now; a snapshot that never blocks (FX thread is fine). */
    Collection<AgentInfo> agents();

    /** Waits for the agents and starts the run on them. Blocks: never call on the FX thread. */
    RunHandle start(Project project, Path directory) throws InterruptedException;

    /** Closes the endpoint (bye to every agent). May block briefly; idempotent. */
    @Override
    void close();

    /** The real listener: a {@link Controller} bound with {@code options}. */
    static AgentListener of(Controller controller) {
        return new AgentListener() {
            @Override
            public String endpoint() {
                return controller.endpoint();
            }

            @Override
            public Collection<AgentInfo> agents() {
                return controller.agents().values();
            }

            @Override
            public RunHandle start(Project project, Path directory) throws InterruptedException {
                return controller.start(project, RunOptions.of(directory), Overrides.NONE);
            }

            @Override
            public void close() {
                controller.close();
            }
        };
    }
}
