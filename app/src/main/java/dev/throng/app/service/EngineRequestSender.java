package dev.throng.app.service;

import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import java.nio.file.Path;

/** {@link RequestSender} backed by the engine's single-user debug run. Thread-safe. */
public final class EngineRequestSender implements RequestSender {
    // TODO(lead): delegate to dev.throng.engine.run.Runs.debugRun once it is on main.
    @Override
    public Exchange send(Project project, Path projectDirectory, Step.Request request) throws Exception {
        throw new UnsupportedOperationException(
                "sending a single request needs the engine's debug run, which is not built into this version yet");
    }
}
