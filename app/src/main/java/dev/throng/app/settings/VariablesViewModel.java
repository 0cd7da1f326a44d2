package dev.throng.app.settings;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.project.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Project variables and secret references ({@code ${env:NAME}}: the reference is stored, never the secret).
 * Confined to the thread that made it.
 */
public final class VariablesViewModel {
    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final ObservableList<Variable> variables = FXCollections.observableArrayList();
    private final ObservableList<Variable> variablesView = FXCollections.unmodifiableObservableList(variables);

    public VariablesViewModel(ProjectDocument document) {
        this.document = document;
        document.projectProperty().addListener((o, a, b) -> variables.setAll(b.variables()));
        variables.setAll(document.project().variables());
    }

    public ObservableList<Variable> variables() {
        return variablesView;
    }

    /** Replaces the variables; returns an error for people (empty or repeated names), or {@code null}. */
    public String setVariables(List<Variable> value) {
        owner.check();
        var seen = new HashSet<String>();
        for (Variable v : value) {
            if (v.name().isBlank() || !v.name().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                return "variable name '" + v.name() + "': use letters, digits, _ . - (not starting with a digit)";
            }
            if (!seen.add(v.name())) {
                return "variable '" + v.name() + "' is defined twice";
            }
        }
        document.edit(p -> p.withVariables(value));
        return null;
    }

    public String add() {
        var list = new ArrayList<>(variables);
        int i = 1;
        while (true) {
            String name = "var" + i++;
            if (list.stream().noneMatch(v -> v.name().equals(name))) {
                list.add(new Variable(name, ""));
                return setVariables(list);
            }
        }
    }

    /** Turns the variable at {@code index} into the secret reference {@code ${env:NAME}}. */
    public String makeSecretReference(int index, String environmentName) {
        if (!environmentName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "environment variable names use letters, digits and _";
        }
        var list = new ArrayList<>(variables);
        list.set(index, new Variable(list.get(index).name(), "${env:" + environmentName + "}"));
        return setVariables(list);
    }
}
