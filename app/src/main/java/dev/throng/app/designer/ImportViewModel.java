package dev.throng.app.designer;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.imports.CurlImporter;
import dev.throng.engine.imports.HarImporter;
import dev.throng.engine.imports.ImportException;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports into the open project: a curl command becomes a request step of the shown flow; a HAR recording becomes a
 * new flow (with the variables its templated ids need). Each import is one undoable edit. Confined to the thread
 * that made it.
 */
public final class ImportViewModel {
    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final FlowDesignerViewModel designer;
    private final BackgroundTasks tasks;

    public ImportViewModel(ProjectDocument document, FlowDesignerViewModel designer, BackgroundTasks tasks) {
        this.document = document;
        this.designer = designer;
        this.tasks = tasks;
    }

    /**
     * Adds the request of {@code curl} to the shown flow, below the other steps, and selects it.
     *
     * @return an error for people, or {@code null} when imported
     */
    public String importCurl(String curl) {
        owner.check();
        if (designer.flow().isEmpty()) {
            return "open a flow first: the request is added to the flow shown";
        }
        Step.Request request;
        try {
            request = CurlImporter.parse(curl);
        } catch (ImportException e) {
            return e.getMessage();
        }
        Flow flow = designer.flow().get();
        String id = request.id();
        if (flow.step(id).isPresent()) {
            id = FlowEdits.freshId(flow, id + "-");
        }
        var at = designer.nextFreePosition();
        Step.Request placed = (Step.Request) FlowEdits.renamed(request, id).withPosition(at);
        String baseUrl = document.project().settings().baseUrl();
        if (!baseUrl.isEmpty() && placed.url().startsWith(baseUrl)) {
            placed = placed.withUrl(placed.url().substring(baseUrl.length()));
            if (!placed.url().startsWith("/")) {
                placed = placed.withUrl("/" + placed.url());
            }
        }
        Flow next = flow.withStep(placed);
        document.edit(p -> p.withFlow(next));
        designer.select(id, false);
        return null;
    }

    /**
     * Reads {@code har} in the background and adds it as a new flow; then {@code done} gets the new flow's id, or
     * {@code failed} a message for people.
     */
    public void importHar(Path har, Consumer<String> done, Consumer<String> failed) {
        owner.check();
        var taken = new HashSet<String>();
        document.project().flows().forEach(f -> taken.add(f.id()));
        String base = har.getFileName().toString().replaceAll("\\.har$", "").replaceAll("[^A-Za-z0-9_-]", "-");
        String id = base.isEmpty() ? "recorded" : base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        var options = HarImporter.Options.defaults().withFlowId(id);
        tasks.run(
                () -> HarImporter.importHar(har, options),
                result -> {
                    document.edit(p -> merge(p, result));
                    done.accept(result.flow().id());
                },
                e -> failed.accept(e.getMessage()));
    }

    static Project merge(Project p, HarImporter.Result result) {
        var variables = new ArrayList<>(p.variables());
        for (Variable v : result.variables()) {
            if (variables.stream().noneMatch(x -> x.name().equals(v.name()))) {
                variables.add(v);
            }
        }
        Flow flow = result.flow();
        String base = p.settings().baseUrl();
        if (base.isEmpty() && !result.baseUrl().isEmpty()) {
            p = p.withSettings(p.settings().withBaseUrls(List.of(result.baseUrl())));
            base = result.baseUrl();
        }
        if (!base.isEmpty()) {
            String prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            flow = flow.withSteps(flow.steps().stream()
                    .map(s -> s instanceof Step.Request r && r.url().startsWith(prefix + "/")
                            ? r.withUrl(r.url().substring(prefix.length()))
                            : s)
                    .toList());
        }
        if (flow.edges().isEmpty()) {
            flow = flow.withEdges(List.of(Edge.of(Flow.START, Flow.END, 1)));
        }
        return p.withVariables(variables).withFlow(flow);
    }
}
