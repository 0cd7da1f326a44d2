package dev.throng.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeActionsTest {
    @TempDir
    Path dir;

    ProjectDocument doc;
    MainViewModel main;
    TreeActions actions;

    @BeforeEach
    void setUp() {
        var files = new MemoryProjectFiles();
        var tasks = BackgroundTasks.inline();
        doc = new ProjectDocument(files, tasks, dir.resolve("user"));
        doc.openUntitled(Project.empty("p"), dir);
        main = new MainViewModel(doc, files, tasks);
        actions = new TreeActions(main);
    }

    private Project start() {
        return doc.project();
    }

    @Test
    void newFlowHasStartToEndIsSelectedAndUndoes() {
        Project before = start();
        assertThat(actions.newFlow()).isNull();
        assertThat(actions.newFlow()).isNull();
        assertThat(doc.project().flows()).extracting(Flow::id).containsExactly("flow1", "flow2");
        assertThat(doc.project().flow("flow1").orElseThrow().edges()).containsExactly(Edge.of(Flow.START, Flow.END, 1));
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.Flow("flow2"));
        doc.undo();
        doc.undo();
        assertThat(doc.project()).isEqualTo(before);
    }

    @Test
    void newProfileRunsTheSelectedFlowAndNeedsOne() {
        assertThat(actions.newProfile()).contains("add a flow first");
        assertThat(doc.canUndoProperty().get()).isFalse();
        actions.newFlow();
        actions.newFlow();
        main.selectionProperty().set(new Selection.Flow("flow2"));
        assertThat(actions.newProfile()).isNull();
        assertThat(actions.newProfile()).isNull();
        assertThat(doc.project().profiles())
                .containsExactly(UserProfile.of("profile1", 1, "flow2"), UserProfile.of("profile2", 1, "flow1"));
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.Profile("profile2"));
        doc.undo();
        assertThat(doc.project().profiles()).hasSize(1);
    }

    @Test
    void newDataSourceVariableAndThresholdAreUniqueSingleEdits() {
        assertThat(actions.newDataSource(dir.resolve("data/users.csv"))).isNull();
        assertThat(actions.newDataSource(dir.resolve("users.csv"))).isNull();
        assertThat(doc.project().dataSources())
                .containsExactly(
                        new DataSource(
                                "users",
                                "data/users.csv",
                                ',',
                                DataSource.Policy.CIRCULAR,
                                DataSource.Exhausted.STOP_USER),
                        new DataSource(
                                "users1",
                                "users.csv",
                                ',',
                                DataSource.Policy.CIRCULAR,
                                DataSource.Exhausted.STOP_USER));
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.DataSource("users1"));
        doc.undo();
        assertThat(doc.project().dataSources()).hasSize(1);

        actions.newVariable();
        actions.newVariable();
        assertThat(doc.project().variables()).containsExactly(new Variable("var1", ""), new Variable("var2", ""));
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.Variables());

        actions.newThreshold();
        actions.newThreshold();
        assertThat(doc.project().thresholds())
                .containsExactly(Threshold.parse("p95<1000ms"), Threshold.parse("p99<2000ms"));
        doc.undo();
        assertThat(doc.project().thresholds()).containsExactly(Threshold.parse("p95<1000ms"));
    }

    @Test
    void renamingAFlowMovesTheProfilesWithIt() {
        actions.newFlow();
        actions.newFlow();
        doc.edit(p -> p.withProfiles(List.of(
                UserProfile.of("buyer", 1, "flow1").withStart("flow2", 0.5).withStopFlow("flow1"))));
        Project before = doc.project();
        assertThat(actions.rename(new Selection.Flow("flow1"), "Check out")).isNull();
        var p = doc.project();
        assertThat(p.flows()).extracting(Flow::id).containsExactly("check-out", "flow2");
        assertThat(p.flow("check-out").orElseThrow().name()).isEqualTo("Check out");
        assertThat(p.profile("buyer").orElseThrow().mainFlow()).isEqualTo("check-out");
        assertThat(p.profile("buyer").orElseThrow().stopFlow()).isEqualTo("check-out");
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.Flow("check-out"));
        assertThat(actions.rename(new Selection.Flow("flow2"), "check out")).isNull();
        assertThat(doc.project().flows()).extracting(Flow::id).containsExactly("check-out", "check-out1");
        doc.undo();
        doc.undo();
        assertThat(doc.project()).isEqualTo(before);
        assertThat(actions.rename(new Selection.Flow("flow1"), "  ")).contains("needs a name");
    }

    @Test
    void renamingProfilesAndDataSourcesRefusesDuplicatesAndMovesBindings() {
        actions.newFlow();
        actions.newProfile();
        actions.newProfile();
        actions.newDataSource(dir.resolve("users.csv"));
        doc.edit(p -> p.withProfiles(List.of(
                p.profiles().get(0).withData(List.of(new DataBinding("users", DataBinding.When.EACH_ITERATION))),
                p.profiles().get(1))));
        assertThat(actions.rename(new Selection.Profile("profile1"), "profile2"))
                .contains("already a profile");
        assertThat(actions.rename(new Selection.Profile("profile1"), "buyer")).isNull();
        assertThat(doc.project().profiles()).extracting(UserProfile::name).containsExactly("buyer", "profile2");
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.Profile("buyer"));
        assertThat(actions.rename(new Selection.DataSource("users"), "a b")).contains("letters, digits");
        assertThat(actions.rename(new Selection.DataSource("users"), "accounts"))
                .isNull();
        assertThat(doc.project().dataSource("accounts")).isPresent();
        assertThat(doc.project().profile("buyer").orElseThrow().data())
                .containsExactly(new DataBinding("accounts", DataBinding.When.EACH_ITERATION));
        assertThat(actions.canRename(new Selection.Settings())).isFalse();
    }

    @Test
    void deletingSaysWhatUsesItAndRefusesAMainFlow() {
        actions.newFlow();
        actions.newFlow();
        actions.newFlow();
        actions.newDataSource(dir.resolve("users.csv"));
        doc.edit(p -> p.withProfiles(List.of(UserProfile.of("buyer", 1, "flow1")
                .withStart("flow2", 0.5)
                .withData(List.of(new DataBinding("users", DataBinding.When.USER_START))))));

        var main1 = actions.planDelete(new Selection.Flow("flow1"));
        assertThat(main1.refusal()).contains("main flow of profile 'buyer'");
        assertThat(actions.delete(new Selection.Flow("flow1"))).contains("choose another main flow");
        assertThat(doc.project().flow("flow1")).isPresent();

        var start = actions.planDelete(new Selection.Flow("flow2"));
        assertThat(start.refusal()).isNull();
        assertThat(start.question()).contains("start flow of profile 'buyer'");
        assertThat(actions.planDelete(new Selection.Flow("flow3"))).isEqualTo(new TreeActions.DeletePlan(null, null));

        Project before = doc.project();
        assertThat(actions.delete(new Selection.Flow("flow2"))).isNull();
        assertThat(doc.project().flow("flow2")).isEmpty();
        assertThat(doc.project().profile("buyer").orElseThrow().startFlow()).isNull();
        doc.undo();
        assertThat(doc.project()).isEqualTo(before);

        assertThat(actions.planDelete(new Selection.DataSource("users")).question())
                .contains("read by profile 'buyer'");
        assertThat(actions.delete(new Selection.DataSource("users"))).isNull();
        assertThat(doc.project().dataSources()).isEmpty();
        assertThat(doc.project().profile("buyer").orElseThrow().data()).isEmpty();
        assertThat(main.selectionProperty().get()).isEqualTo(new Selection.DataSources());

        assertThat(actions.delete(new Selection.Profile("buyer"))).isNull();
        assertThat(doc.project().profiles()).isEmpty();
        doc.undo();
        assertThat(doc.project().profiles()).hasSize(1);
        assertThat(actions.planDelete(new Selection.Settings()).refusal()).isNotNull();
    }
}
