package dev.throng.app.designer;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.RequestSender;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The editor of one request step: every field as one undoable edit, the variables known for completion, and "Send
 * once" through the engine (in the background).
 *
 * <p>Confined to the thread that made it (the FX thread in the app).
 */
public final class RequestEditorViewModel {

    /** The kinds of body the editor offers. */
    public enum BodyKind {
        NONE,
        TEXT,
        JSON,
        FORM
    }

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final BackgroundTasks tasks;
    private final RequestSender sender;
    private final ReadOnlyObjectWrapper<Step.Request> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyObjectWrapper<RequestSender.Exchange> exchange =
            new ReadOnlyObjectWrapper<>(this, "exchange");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String flowId;
    private String stepId;

    public RequestEditorViewModel(ProjectDocument document, BackgroundTasks tasks, RequestSender sender) {
        this.document = document;
        this.tasks = tasks;
        this.sender = sender;
        document.projectProperty().addListener((o, a, b) -> refresh());
    }

    /** Edits the request {@code stepId} of flow {@code flowId} (nothing when it is not a request). */
    public void show(String flowId, String stepId) {
        owner.check();
        this.flowId = flowId;
        this.stepId = stepId;
        exchange.set(null);
        message.set("");
        refresh();
    }

    private void refresh() {
        request.set(current().orElse(null));
    }

    private Optional<Step.Request> current() {
        if (flowId == null) {
            return Optional.empty();
        }
        return document.project()
                .flow(flowId)
                .flatMap(f -> f.step(stepId))
                .filter(Step.Request.class::isInstance)
                .map(Step.Request.class::cast);
    }

    /** The request shown, or {@code null}. */
    public ReadOnlyObjectProperty<Step.Request> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** The last "Send once" answer, or {@code null}. */
    public ReadOnlyObjectProperty<RequestSender.Exchange> exchangeProperty() {
        return exchange.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** The last error or note for people (a bad check line, a failed send); empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Names usable as {@code ${name}}: project variables and every extractor's variable, sorted. */
    public List<String> knownVariables() {
        return knownVariables(document.project());
    }

    static List<String> knownVariables(Project project) {
        var names = new TreeSet<String>();
        project.variables().stream().map(Variable::name).forEach(names::add);
        for (Flow f : project.flows()) {
            for (Step s : f.steps()) {
                if (s instanceof Step.Request r) {
                    r.extractors().forEach(e -> names.add(e.variable()));
                }
            }
        }
        return List.copyOf(names);
    }

    private void edit(UnaryOperator<Step.Request> change) {
        owner.check();
        current().ifPresent(r -> {
            Flow f = document.project().flow(flowId).orElseThrow();
            document.apply(document.project().withFlow(f.withStep(change.apply(r))));
        });
    }

    public void setMethod(String value) {
        String m = value.strip().toUpperCase(Locale.ROOT);
        if (!m.isEmpty()) {
            edit(r -> r.withMethod(m));
        }
    }

    public void setUrl(String value) {
        edit(r -> r.withUrl(value.strip()));
    }

    public void setName(String value) {
        edit(r -> r.withName(value.isBlank() ? null : value.strip()));
    }

    public void setHeaders(List<Header> value) {
        edit(r -> r.withHeaders(value));
    }

    public void setQuery(List<Header> value) {
        edit(r -> r.withQuery(value));
    }

    public void setExtractors(List<Extractor> value) {
        edit(r -> r.withExtractors(value));
    }

    /** Parses one check a line (see {@link CheckText}); a bad line leaves the checks as they were and says why. */
    public void setChecks(String text) {
        try {
            var checks = CheckText.parse(text);
            message.set("");
            edit(r -> r.withChecks(checks));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    public static BodyKind kindOf(Body body) {
        return switch (body) {
            case Body.None n -> BodyKind.NONE;
            case Body.Text t -> BodyKind.TEXT;
            case Body.Json j -> BodyKind.JSON;
            case Body.Form f -> BodyKind.FORM;
            case Body.File f -> BodyKind.TEXT;
        };
    }

    /** The body as editable text: the text, the JSON, or one {@code name=value} a line for a form. */
    public static String textOf(Body body) {
        return switch (body) {
            case Body.None n -> "";
            case Body.Text t -> t.text();
            case Body.Json j -> j.json();
            case Body.Form f ->
                String.join(
                        "\n",
                        f.fields().stream().map(h -> h.name() + "=" + h.value()).toList());
            case Body.File f -> "@" + f.path();
        };
    }

    /** Sets the body from its kind and text (see {@link #textOf}). */
    public void setBody(BodyKind kind, String text) {
        Body body = switch (kind) {
            case NONE -> Body.NONE;
            case TEXT -> new Body.Text("text/plain", text);
            case JSON -> new Body.Json(text);
            case FORM -> {
                var fields = new ArrayList<Header>();
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        int eq = line.indexOf('=');
                        fields.add(
                                eq < 0
                                        ? new Header(line.strip(), "")
                                        : new Header(line.substring(0, eq).strip(), line.substring(eq + 1)));
                    }
                }
                yield new Body.Form(fields);
            }
        };
        edit(r -> r.withBody(body));
    }

    /** Sends the request once, as one user would, in the background. */
    public void sendOnce() {
        owner.check();
        var r = current();
        if (r.isEmpty() || sending.get()) {
            return;
        }
        sending.set(true);
        message.set("Sending " + r.get().method() + " " + r.get().url() + "…");
        Project project = document.project();
        tasks.run(
                () -> sender.send(project, document.directory(), r.get()),
                result -> {
                    sending.set(false);
                    exchange.set(result);
                    message.set(result.failure() == null ? "" : result.failure());
                },
                e -> {
                    sending.set(false);
                    exchange.set(null);
                    message.set("Not sent: " + e.getMessage());
                });
    }
}
