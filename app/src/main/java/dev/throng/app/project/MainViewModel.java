package dev.throng.app.project;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.service.Issue;
import dev.throng.app.service.ProjectFiles;
import dev.throng.engine.project.Project;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the document, the selection in the project tree, and the validation problems of the
 * current project (validated in the background after every change; only the latest result is kept).
 *
 * <p>Confined to the thread that made it (the FX thread in the app).
 */
public final class MainViewModel {
    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final ProjectFiles files;
    private final BackgroundTasks tasks;
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final ObservableList<Issue> issuesView = FXCollections.unmodifiableObservableList(issues);
    private final ReadOnlyStringWrapper issueSummary = new ReadOnlyStringWrapper(this, "issueSummary", "No problems");
    private long validation;

    public MainViewModel(ProjectDocument document, ProjectFiles files, BackgroundTasks tasks) {
        this.document = document;
        this.files = files;
        this.tasks = tasks;
        selection.set(new Selection.ProjectRoot());
        document.projectProperty().addListener((o, a, b) -> validate());
        validate();
    }

    public ProjectDocument document() {
        return document;
    }

    /** The tree selection; views set it, features follow it. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** The problems of the current project (read-only). */
    public ObservableList<Issue> issues() {
        return issuesView;
    }

    /** "No problems", "2 errors, 1 warning". */
    public ReadOnlyStringProperty issueSummaryProperty() {
        return issueSummary.getReadOnlyProperty();
    }

    /** Validates the current project in the background; a newer change makes older results be dropped. */
    public void validate() {
        owner.check();
        long id = ++validation;
        Project project = document.project();
        Path dir = document.directory();
        tasks.run(
                () -> files.validate(project, dir),
                found -> {
                    if (id == validation) {
                        setIssues(found);
                    }
                },
                e -> {
                    if (id == validation) {
                        setIssues(List.of(new Issue(true, "$", 0, "validation failed: " + e.getMessage())));
                    }
                });
    }

    private void setIssues(List<Issue> found) {
        issues.setAll(found);
        long errors = found.stream().filter(Issue::error).count();
        long warnings = found.size() - errors;
        if (found.isEmpty()) {
            issueSummary.set("No problems");
        } else {
            issueSummary.set(plural(errors, "error") + ", " + plural(warnings, "warning"));
        }
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Selects the element an issue is about. */
    public void reveal(Issue issue) {
        owner.check();
        selection.set(IssueLocator.locate(document.project(), issue.jsonPath()));
    }
}
