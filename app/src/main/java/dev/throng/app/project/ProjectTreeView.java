package dev.throng.app.project;

import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import java.util.LinkedHashSet;
import java.util.Objects;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The project tree: settings, variables, data sources, profiles (with their flows), all flows, load plan, thresholds,
 * agents. Selecting an entry sets the main selection; a selection made elsewhere is shown here. FX thread only.
 */
public final class ProjectTreeView extends TreeView<ProjectTreeView.Entry> {

    /** A tree entry: its label and what selecting it selects. */
    public record Entry(String label, Selection selection) {}

    private final MainViewModel vm;
    private final TreeCommands commands;
    private boolean updating;

    public ProjectTreeView(MainViewModel vm) {
        this.vm = vm;
        this.commands = new TreeCommands(
                new TreeActions(vm),
                vm,
                () -> getScene() == null ? null : getScene().getWindow(),
                this::onHeading);
        setId("project-tree");
        var menu = new ContextMenu();
        menu.getItems().setAll(TreeCommands.items(() -> commands));
        setContextMenu(menu);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2) {
                commands.rename();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                commands.delete();
                e.consume();
            }
        });
        setShowRoot(true);
        setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                vm.selectionProperty().set(b.getValue().selection());
            }
        });
        vm.document().projectProperty().addListener((o, a, b) -> {
            if (a == null || !sameOutline(a, b)) {
                rebuild(b);
            }
        });
        vm.selectionProperty().addListener((o, a, b) -> reveal(b));
        rebuild(vm.document().project());
    }

    /** The New / Rename / Delete commands (for the main menu). */
    TreeCommands commands() {
        return commands;
    }

    /** Whether a group heading ("Flows", "Profiles", ...) or the root is selected rather than an item. */
    private boolean onHeading() {
        var item = getSelectionModel().getSelectedItem();
        return item != null && (item.getParent() == null || item.getParent() == getRoot());
    }

    private static boolean sameOutline(Project a, Project b) {
        return a.name().equals(b.name())
                && a.variables().size() == b.variables().size()
                && a.thresholds().size() == b.thresholds().size()
                && a.dataSources().equals(b.dataSources())
                && a.profiles().equals(b.profiles())
                && a.flows().stream()
                        .map(f -> f.id() + "\u0000" + f.name())
                        .toList()
                        .equals(b.flows().stream()
                                .map(f -> f.id() + "\u0000" + f.name())
                                .toList());
    }

    private static TreeItem<Entry> item(String label, Selection selection) {
        var item = new TreeItem<>(new Entry(label, selection));
        item.setExpanded(true);
        return item;
    }

    private void rebuild(Project p) {
        updating = true;
        try {
            var root = item(p.name(), new Selection.ProjectRoot());
            root.getChildren().add(item("Settings", new Selection.Settings()));
            root.getChildren().add(item("Variables (" + p.variables().size() + ")", new Selection.Variables()));
            var data = item("Data sources", new Selection.DataSources());
            for (DataSource d : p.dataSources()) {
                data.getChildren()
                        .add(item(d.id() + " — " + d.policy().name().toLowerCase(), new Selection.DataSource(d.id())));
            }
            root.getChildren().add(data);
            var profiles = item("Profiles", new Selection.Profiles());
            for (UserProfile u : p.profiles()) {
                var profile = item(u.name() + " (weight " + weight(u.weight()) + ")", new Selection.Profile(u.name()));
                var flows = new LinkedHashSet<String>();
                if (u.startFlow() != null) {
                    flows.add(u.startFlow());
                }
                flows.add(u.mainFlow());
                if (u.stopFlow() != null) {
                    flows.add(u.stopFlow());
                }
                for (String id : flows) {
                    String role = id.equals(u.mainFlow()) ? "main" : id.equals(u.startFlow()) ? "start" : "stop";
                    String name = p.flow(id).map(Flow::name).orElse(id + " (missing)");
                    profile.getChildren().add(item(role + ": " + name, new Selection.Flow(id)));
                }
                profiles.getChildren().add(profile);
            }
            root.getChildren().add(profiles);
            var flows = item(
                    "Flows",
                    new Selection.Flow(
                            p.flows().isEmpty() ? "" : p.flows().getFirst().id()));
            for (Flow f : p.flows()) {
                flows.getChildren().add(item(f.name(), new Selection.Flow(f.id())));
            }
            root.getChildren().add(flows);
            root.getChildren().add(item("Load plan", new Selection.LoadPlan()));
            root.getChildren().add(item("Thresholds (" + p.thresholds().size() + ")", new Selection.Thresholds()));
            root.getChildren().add(item("Agents", new Selection.Agents()));
            setRoot(root);
        } finally {
            updating = false;
        }
        reveal(vm.selectionProperty().get());
    }

    private static String weight(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    /** Selects the entry of {@code selection} (a step or arrow shows as its flow). */
    private void reveal(Selection selection) {
        if (selection == null || getRoot() == null) {
            return;
        }
        Selection target = selection.flowId() != null ? new Selection.Flow(selection.flowId()) : selection;
        var current = getSelectionModel().getSelectedItem();
        if (current != null && Objects.equals(current.getValue().selection(), target)) {
            return;
        }
        var found = find(getRoot(), target);
        if (found != null) {
            updating = true;
            try {
                getSelectionModel().select(found);
            } finally {
                updating = false;
            }
        }
    }

    /** The item of {@code target}: an item below a heading if there is one, else the heading. */
    private TreeItem<Entry> find(TreeItem<Entry> at, Selection target) {
        var deep = find(at, target, 0);
        return deep != null ? deep : (at.getValue().selection().equals(target) ? at : headingOf(at, target));
    }

    private static TreeItem<Entry> headingOf(TreeItem<Entry> root, Selection target) {
        return root.getChildren().stream()
                .filter(c -> c.getValue().selection().equals(target))
                .findFirst()
                .orElse(null);
    }

    private static TreeItem<Entry> find(TreeItem<Entry> at, Selection target, int depth) {
        if (depth >= 2 && at.getValue().selection().equals(target)) {
            return at;
        }
        for (var child : at.getChildren()) {
            var f = find(child, target, depth + 1);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
