package dev.throng.app.project;

import dev.throng.app.agents.AgentsView;
import dev.throng.app.agents.AgentsViewModel;
import dev.throng.app.designer.FlowDesignerViewModel;
import dev.throng.app.designer.FlowEditorView;
import dev.throng.app.designer.ImportViewModel;
import dev.throng.app.designer.RequestEditorViewModel;
import dev.throng.app.designer.TaskListViewModel;
import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.FxThread;
import dev.throng.app.history.HistoryView;
import dev.throng.app.history.HistoryViewModel;
import dev.throng.app.run.RunView;
import dev.throng.app.run.RunViewModel;
import dev.throng.app.service.Issue;
import dev.throng.app.service.ProjectFiles;
import dev.throng.app.service.RequestSender;
import dev.throng.app.settings.DataSourceView;
import dev.throng.app.settings.DataSourceViewModel;
import dev.throng.app.settings.LoadPlanView;
import dev.throng.app.settings.LoadPlanViewModel;
import dev.throng.app.settings.ThresholdsView;
import dev.throng.app.settings.ThresholdsViewModel;
import dev.throng.app.settings.VariablesView;
import dev.throng.app.settings.VariablesViewModel;
import dev.throng.engine.project.Step;
import java.util.function.Consumer;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The main window's content: menus and toolbar, the project tree, the designer (or the editor of the selected part)
 * and the run dashboard in tabs, the property sheet, and a status bar with the validation problems. FX thread only.
 */
public final class MainView extends BorderPane {
    private final RunViewModel runModel;
    private final ProjectDocument document;
    private final MainViewModel main;
    private final FlowDesignerViewModel designer;
    private final RequestEditorViewModel requests;
    private final FlowEditorView flowEditor;
    private final ImportViewModel imports;
    private final BackgroundTasks tasks;
    private final BorderPane design = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab designTab = new Tab("Design");
    private final Tab runTab = new Tab("Run");
    private final Tab historyTab = new Tab("History");
    private final Tab agentsTab = new Tab("Agents");
    private final AgentsViewModel agents;
    private final Label status = new Label();
    private LoadPlanView loadPlanView;
    private VariablesView variablesView;
    private ThresholdsView thresholdsView;
    private DataSourceViewModel dataVm;
    private DataSourceView dataView;
    private final MainMenus menus;
    private boolean syncing;

    public MainView(ProjectDocument document, ProjectFiles files, BackgroundTasks tasks, RequestSender sender) {
        FxThread.check();
        this.document = document;
        this.tasks = tasks;
        this.main = new MainViewModel(document, files, tasks);
        this.designer = new FlowDesignerViewModel(document);
        this.requests = new RequestEditorViewModel(document, tasks, sender);
        var taskList = new TaskListViewModel(document, designer);
        this.flowEditor = new FlowEditorView(designer, taskList, requests);
        this.imports = new ImportViewModel(document, designer, tasks);
        setId("main-view");
        getStyleClass().add("main-view");

        var tree = new ProjectTreeView(main);
        var properties = new PropertySheetView(new PropertiesViewModel(document, main));
        designTab.setContent(design);
        designTab.setClosable(false);
        runTab.setClosable(false);
        runTab.setId("run-tab");
        this.runModel = new RunViewModel(document::project, document::directory);
        runModel.saveRunsBeside(() -> document.fileProperty().get());
        var runView = new RunView(runModel);
        Consumer<Boolean> runActive = runView::setActive;
        runTab.setContent(runView);
        runTab.selectedProperty().addListener((o, a, b) -> runActive.accept(b));
        // The flow shows the run's figures: fed from the dashboard's sampler tick while the designer is shown.
        runModel.snapshotProperty().addListener((o, a, b) -> designer.showRunStats(b == null ? null : b.stats()));
        designTab.selectedProperty().addListener((o, a, b) -> runView.setFeedingOthers(b));
        runView.setFeedingOthers(designTab.isSelected());
        var history = new HistoryViewModel(() -> document.fileProperty().get(), tasks);
        var historyView = new HistoryView(history);
        historyTab.setContent(historyView);
        historyTab.setClosable(false);
        historyTab.setId("history-tab");
        historyTab.selectedProperty().addListener((o, a, b) -> historyView.setActive(b));
        runModel.savedToProperty().addListener((o, a, b) -> {
            if (historyView.isActive()) {
                history.refresh();
            }
        });
        this.agents = new AgentsViewModel(tasks);
        runModel.startThrough(agents::starter);
        runModel.stateProperty().addListener((o, a, b) -> {
            if (!b.active()) {
                agents.runEnded();
            }
        });
        agentsTab.setContent(new AgentsView(agents));
        agentsTab.setClosable(false);
        agentsTab.setId("agents-tab");
        tabs.getTabs().addAll(designTab, runTab, historyTab, agentsTab);

        var split = new SplitPane(tree, tabs, properties);
        split.setDividerPositions(0.17, 0.78);
        SplitPane.setResizableWithParent(tree, false);
        SplitPane.setResizableWithParent(properties, false);
        this.menus = new MainMenus(this);
        setTop(new VBox(menus.menuBar(), menus.toolBar()));
        setCenter(split);
        setBottom(statusBar());

        main.selectionProperty().addListener((o, a, b) -> showSelection(b));
        designer.selection().addListener((SetChangeListener<String>) c -> designerSelectionChanged());
        designer.selectedArrowProperty().addListener((o, a, b) -> designerSelectionChanged());
        document.projectProperty().addListener((o, a, b) -> {
            if (designer.flowIdProperty().get() == null && !b.flows().isEmpty()) {
                selectFirstFlow();
            }
        });
        selectFirstFlow();
    }

    private void selectFirstFlow() {
        var p = document.project();
        String flow = p.profiles().isEmpty()
                ? (p.flows().isEmpty() ? null : p.flows().getFirst().id())
                : p.profiles().getFirst().mainFlow();
        main.selectionProperty().set(flow == null ? new Selection.ProjectRoot() : new Selection.Flow(flow));
    }

    private Node statusBar() {
        status.textProperty().bind(document.statusProperty());
        var problems = new Hyperlink();
        problems.setId("problems");
        problems.textProperty().bind(main.issueSummaryProperty());
        var list = new ListView<Issue>(main.issues());
        list.setId("problem-list");
        list.setPrefSize(560, 200);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Issue item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
            }
        });
        var popup = new Popup();
        popup.setAutoHide(true);
        popup.getContent().add(list);
        list.setOnMouseClicked(e -> {
            var issue = list.getSelectionModel().getSelectedItem();
            if (issue != null) {
                popup.hide();
                main.reveal(issue);
            }
        });
        problems.setOnAction(e -> {
            if (!main.issues().isEmpty()) {
                var b = problems.localToScreen(problems.getBoundsInLocal());
                popup.show(problems, b.getMinX(), b.getMinY() - list.getPrefHeight() - 8);
            }
        });
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(12, status, spacer, problems);
        bar.setPadding(new Insets(2, 8, 2, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showSelection(Selection s) {
        FxThread.check();
        if (s == null || syncing) {
            return;
        }
        syncing = true;
        try {
            String flowId = s.flowId();
            if (flowId != null && document.project().flow(flowId).isPresent()) {
                designer.showFlow(flowId);
                switch (s) {
                    case Selection.Step st -> {
                        if (!designer.selection().contains(st.stepId())
                                || designer.selection().size() != 1) {
                            designer.select(st.stepId(), false);
                        }
                    }
                    case Selection.Edge e -> designer.selectArrow(e.index());
                    default -> {}
                }
                design.setCenter(flowEditor);
            } else {
                design.setCenter(editorFor(s));
            }
            showRequestEditor(s);
            tabs.getSelectionModel().select(designTab);
        } finally {
            syncing = false;
        }
    }

    private void showRequestEditor(Selection s) {
        if (s instanceof Selection.Step st
                && document.project()
                        .flow(st.flowId())
                        .flatMap(f -> f.step(st.stepId()))
                        .filter(Step.Request.class::isInstance)
                        .isPresent()) {
            requests.show(st.flowId(), st.stepId());
        } else {
            requests.show(null, null);
        }
    }

    private Node editorFor(Selection s) {
        return switch (s) {
            case Selection.Variables v -> {
                if (variablesView == null) {
                    variablesView = new VariablesView(new VariablesViewModel(document));
                }
                yield variablesView;
            }
            case Selection.DataSources d -> dataSourceView(null);
            case Selection.DataSource d -> dataSourceView(d.id());
            case Selection.LoadPlan l -> {
                if (loadPlanView == null) {
                    loadPlanView = new LoadPlanView(new LoadPlanViewModel(document));
                }
                yield loadPlanView;
            }
            case Selection.Thresholds t -> {
                if (thresholdsView == null) {
                    thresholdsView = new ThresholdsView(new ThresholdsViewModel(document), document.projectProperty());
                }
                yield thresholdsView;
            }
            case Selection.Agents a ->
                note("Remote agents: listen for them and choose Run on: Agents in the Agents tab"
                        + " (start each with: throng agent --controller tcp://HOST:5557).");
            default -> note("Edit the selection in the properties on the right.");
        };
    }

    private Node dataSourceView(String id) {
        if (dataVm == null) {
            dataVm = new DataSourceViewModel(document, tasks);
            dataView = new DataSourceView(dataVm);
        }
        dataVm.show(id);
        return dataView;
    }

    private static Node note(String text) {
        var label = new Label(text);
        label.setWrapText(true);
        label.setPadding(new Insets(16));
        label.getStyleClass().add("note");
        return label;
    }

    private void designerSelectionChanged() {
        if (syncing) {
            return;
        }
        String flowId = designer.flowIdProperty().get();
        if (flowId == null) {
            return;
        }
        Selection next;
        if (designer.selection().size() == 1) {
            next = new Selection.Step(flowId, designer.selection().iterator().next());
        } else if (designer.selectedArrowProperty().get() >= 0) {
            next = new Selection.Edge(flowId, designer.selectedArrowProperty().get());
        } else {
            next = new Selection.Flow(flowId);
        }
        main.selectionProperty().set(next);
    }

    // ---- for the menus

    ProjectDocument document() {
        return document;
    }

    MainViewModel main() {
        return main;
    }

    FlowDesignerViewModel designer() {
        return designer;
    }

    FlowEditorView flowEditor() {
        return flowEditor;
    }

    ImportViewModel imports() {
        return imports;
    }

    /** Imports a HAR recording as a new flow and shows it (File → Import HAR without the file dialog). */
    public void importHar(java.nio.file.Path har) {
        menus.importHar(har);
    }

    /** Stops any run at once; called when the app exits. */
    public void shutdown() {
        runModel.shutdown();
        agents.shutdown();
    }

    /** The main view-model (selection, problems). */
    public MainViewModel viewModel() {
        return main;
    }

    void showRunTab() {
        tabs.getSelectionModel().select(runTab);
    }

    void showAgentsTab() {
        tabs.getSelectionModel().select(agentsTab);
    }

    AgentsViewModel agents() {
        return agents;
    }

    RunViewModel runModel() {
        return runModel;
    }

    void showHistoryTab() {
        tabs.getSelectionModel().select(historyTab);
    }
}
