package dev.throng.app.project;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DocumentPrompts} answered with dialogs. FX thread only. */
public final class FxPrompts implements DocumentPrompts {
    private final Window owner;

    public FxPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public UnsavedChoice unsavedChanges(String name) {
        var save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        var discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to \"" + name + "\"?");
        alert.setContentText("Your changes are lost if you don't save them.");
        var answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public Path chooseSaveFile(String suggestedName) {
        var chooser = new FileChooser();
        chooser.setTitle("Save project");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Throng projects", "*.throng.json"));
        File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    @Override
    public boolean restoreRecovery(Path file) {
        var alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Throng kept unsaved changes of " + (file == null ? "an untitled project" : file.getFileName())
                        + " from a session that did not end normally. Restore them?",
                ButtonType.YES,
                ButtonType.NO);
        alert.initOwner(owner);
        alert.setTitle("Recover unsaved changes");
        alert.setHeaderText("Unsaved changes were recovered");
        return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @Override
    public void error(String message) {
        var alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        alert.showAndWait();
    }
}
