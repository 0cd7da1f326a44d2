package dev.throng.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelsTest {
    @TempDir
    Path dir;

    ProjectDocument doc;

    @BeforeEach
    void setUp() {
        doc = new ProjectDocument(new MemoryProjectFiles(), BackgroundTasks.inline(), dir.resolve("user"));
        doc.openUntitled(Project.empty("p"), dir);
    }

    @Test
    void variablesRefuseBadOrRepeatedNamesAndMakeSecretReferences() {
        var vm = new VariablesViewModel(doc);
        assertThat(vm.add()).isNull();
        assertThat(vm.variables()).containsExactly(new Variable("var1", ""));
        assertThat(vm.setVariables(List.of(new Variable("a", "1"), new Variable("a", "2"))))
                .contains("defined twice");
        assertThat(vm.setVariables(List.of(new Variable("1a", "1")))).contains("not starting with a digit");
        assertThat(vm.makeSecretReference(0, "API_TOKEN")).isNull();
        assertThat(doc.project().variables().getFirst().isSecretReference()).isTrue();
        assertThat(vm.makeSecretReference(0, "bad name")).contains("letters, digits");
    }

    @Test
    void thresholdsAreRuleLinesWithAbortMarks() {
        var vm = new ThresholdsViewModel(doc);
        assertThat(vm.setText("p95<300ms\n\nerror_rate<1% !")).isNull();
        assertThat(doc.project().thresholds())
                .containsExactly(
                        Threshold.parse("p95<300ms"),
                        Threshold.parse("error_rate<1%").withAbortOnFail(true));
        assertThat(vm.text()).isEqualTo("p95<300ms\nerror_rate<1% !");
        assertThat(vm.setText("p95<300ms\nfast please")).startsWith("line 2: ");
        assertThat(doc.project().thresholds()).hasSize(2);
    }

    @Test
    void dataSourcePreviewsItsCsvAndStoresARelativePath() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Path csv = dir.resolve("data/accounts.csv");
        Files.writeString(csv, "username,password\nuser1,\"pa,ss\"\nuser2,p2\n");
        var vm = new DataSourceViewModel(doc, BackgroundTasks.inline());
        vm.show(null);
        assertThat(vm.messageProperty().get()).contains("No data source");
        vm.add(csv);
        var source = doc.project().dataSources().getFirst();
        assertThat(source.id()).isEqualTo("accounts");
        assertThat(source.path()).isEqualTo("data/accounts.csv");
        assertThat(vm.columns()).containsExactly("username", "password");
        assertThat(vm.rows()).containsExactly(List.of("user1", "pa,ss"), List.of("user2", "p2"));
        vm.setPolicy(DataSource.Policy.UNIQUE);
        assertThat(doc.project().dataSources().getFirst().policy()).isEqualTo(DataSource.Policy.UNIQUE);
    }
}
