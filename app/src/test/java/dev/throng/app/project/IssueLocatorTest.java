package dev.throng.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.service.SampleProjects;
import org.junit.jupiter.api.Test;

class IssueLocatorTest {
    private final dev.throng.engine.project.Project shop = SampleProjects.builtInShop();

    @Test
    void pathsSelectTheElementTheyName() {
        assertThat(IssueLocator.locate(shop, "$.flows[0].steps[1].url"))
                .isEqualTo(new Selection.Step("browse", "product"));
        assertThat(IssueLocator.locate(shop, "$.flows[0].edges[2].weight")).isEqualTo(new Selection.Edge("browse", 2));
        assertThat(IssueLocator.locate(shop, "$.flows[0].name")).isEqualTo(new Selection.Flow("browse"));
        assertThat(IssueLocator.locate(shop, "$.profiles[0].mainFlow")).isEqualTo(new Selection.Profile("shopper"));
        assertThat(IssueLocator.locate(shop, "$.settings.baseUrls[0]")).isEqualTo(new Selection.Settings());
        assertThat(IssueLocator.locate(shop, "$.loadPlan.stages[0]")).isEqualTo(new Selection.LoadPlan());
        assertThat(IssueLocator.locate(shop, "$.thresholds[1]")).isEqualTo(new Selection.Thresholds());
    }

    @Test
    void unknownOrOutOfRangePathsFallBackToTheProject() {
        assertThat(IssueLocator.locate(shop, "$")).isEqualTo(new Selection.ProjectRoot());
        assertThat(IssueLocator.locate(shop, "$.flows[9].steps[0]")).isEqualTo(new Selection.ProjectRoot());
        assertThat(IssueLocator.locate(shop, "$.flows[0].steps[99]")).isEqualTo(new Selection.Flow("browse"));
    }
}
