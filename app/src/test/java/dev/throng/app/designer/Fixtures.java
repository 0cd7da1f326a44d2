package dev.throng.app.designer;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import java.nio.file.Path;
import java.util.List;

final class Fixtures {
    private Fixtures() {}

    static Project twoStepProject() {
        var flow = new Flow(
                "main",
                "Main",
                List.of(
                        Step.Request.of("home", "GET", "/").withPosition(new Position(60, 150)),
                        Step.Request.of("cart", "POST", "/cart").withPosition(new Position(60, 280))),
                List.of(Edge.of(Flow.START, "home", 1), Edge.of("home", "cart", 3), Edge.of("home", Flow.END, 1)));
        return Project.empty("Shop").withFlows(List.of(flow));
    }

    static ProjectDocument document(Path dir) {
        var doc = new ProjectDocument(new MemoryProjectFiles(), BackgroundTasks.inline(), dir);
        doc.openUntitled(twoStepProject());
        return doc;
    }
}
