package dev.throng.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDocumentTest {
    @TempDir
    Path dir;

    MemoryProjectFiles files;
    BackgroundTasks tasks;
    ProjectDocument doc;
    ScriptedPrompts prompts;

    /** Answers with what the test scripted and records what was asked. */
    static final class ScriptedPrompts implements DocumentPrompts {
        UnsavedChoice choice = UnsavedChoice.CANCEL;
        Path saveTo;
        boolean restore;
        final List<String> asked = new ArrayList<>();

        @Override
        public UnsavedChoice unsavedChanges(String name) {
            asked.add("unsaved " + name);
            return choice;
        }

        @Override
        public Path chooseSaveFile(String suggestedName) {
            asked.add("save as " + suggestedName);
            return saveTo;
        }

        @Override
        public boolean restoreRecovery(Path file) {
            asked.add("restore");
            return restore;
        }

        @Override
        public void error(String message) {
            asked.add("error " + message);
        }
    }

    @BeforeEach
    void setUp() {
        files = new MemoryProjectFiles();
        tasks = BackgroundTasks.inline();
        doc = new ProjectDocument(files, tasks, dir.resolve("user"));
        prompts = new ScriptedPrompts();
        doc.setPrompts(prompts);
        doc.openUntitled(Project.empty("Shop"));
    }

    @Test
    void titleShowsNameFileAndDirtyDot() {
        assertThat(doc.titleProperty().get()).isEqualTo("Shop — untitled");
        doc.edit(p -> p.withName("Shop 2"));
        assertThat(doc.titleProperty().get()).isEqualTo("Shop 2 — untitled ●");
        assertThat(doc.dirtyProperty().get()).isTrue();
        doc.undo();
        assertThat(doc.titleProperty().get()).isEqualTo("Shop — untitled");
        assertThat(doc.dirtyProperty().get()).isFalse();
        assertThat(doc.canRedoProperty().get()).isTrue();
    }

    @Test
    void editingTheSameValueIsNotAnEdit() {
        doc.edit(p -> p);
        assertThat(doc.canUndoProperty().get()).isFalse();
    }

    @Test
    void saveAsAsksWhereThenIsClean() throws Exception {
        Path target = dir.resolve("shop.throng.json");
        prompts.saveTo = target;
        doc.edit(p -> p.withName("Shop 2"));
        doc.save(() -> prompts.asked.add("saved"));
        assertThat(prompts.asked).containsExactly("save as shop-2.throng.json", "saved");
        assertThat(doc.titleProperty().get()).isEqualTo("Shop 2 — shop.throng.json");
        assertThat(doc.recentFiles()).containsExactly(target.toAbsolutePath().normalize());
        assertThat(Files.readAllLines(
                        dir.resolve("user/recent-files.txt").toFile().toPath()))
                .containsExactly(target.toAbsolutePath().normalize().toString());
    }

    @Test
    void unsavedChangesPromptGuardsNewAndOpen() throws Exception {
        doc.edit(p -> p.withName("Changed"));
        prompts.choice = UnsavedChoice.CANCEL;
        doc.newProject();
        assertThat(doc.project().name()).isEqualTo("Changed");
        prompts.choice = UnsavedChoice.DISCARD;
        doc.newProject();
        assertThat(doc.project().name()).isEqualTo("New project");
        assertThat(doc.dirtyProperty().get()).isFalse();

        doc.edit(p -> p.withName("Again"));
        prompts.choice = UnsavedChoice.SAVE;
        prompts.saveTo = dir.resolve("again.throng.json");
        Path other = dir.resolve("other.throng.json");
        files.save(Project.empty("Other"), other);
        doc.open(other);
        assertThat(doc.project().name()).isEqualTo("Other");
        assertThat(files.read(dir.resolve("again.throng.json")).project().name())
                .isEqualTo("Again");
        assertThat(doc.canUndoProperty().get()).isFalse();
    }

    @Test
    void autosaveWritesARecoveryFileThatIsOfferedOnNextOpen() throws Exception {
        Path file = dir.resolve("shop.throng.json");
        files.save(Project.empty("Shop"), file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        doc.open(file);
        doc.startAutosave(Duration.ofSeconds(5));
        tasks.tick(); // clean: nothing written
        Path recovery = doc.recoveryFile(file);
        assertThat(recovery).doesNotExist();
        doc.edit(p -> p.withName("Unsaved work"));
        tasks.tick();
        assertThat(recovery).exists();

        // "Crash", then open again in a new document.
        var again = new ProjectDocument(files, tasks, dir.resolve("user"));
        var answers = new ScriptedPrompts();
        answers.restore = true;
        again.setPrompts(answers);
        again.open(file);
        assertThat(answers.asked).containsExactly("restore");
        assertThat(again.project().name()).isEqualTo("Unsaved work");
        assertThat(again.dirtyProperty().get()).isTrue();

        // Saving removes the recovery file.
        again.save(() -> {});
        assertThat(recovery).doesNotExist();
    }
}
