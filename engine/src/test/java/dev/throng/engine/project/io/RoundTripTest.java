package dev.throng.engine.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Flow;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final int CASES = 400;

    @Test
    void writingThenReadingGivesTheSameProjectForGeneratedProjects() {
        var generator = new ProjectGenerator(20261129L);
        for (int i = 0; i < CASES; i++) {
            Project project = generator.project();
            String text = ProjectFiles.write(project);
            ReadResult result = ProjectFiles.parse(text, "case" + i + ".throng.json");
            assertThat(result.project())
                    .as("case %d did not read back:\n%s\nproblems: %s", i, text, structural(result))
                    .isEqualTo(project);
            assertThat(ProjectFiles.write(result.project()))
                    .as("case %d: writing is stable", i)
                    .isEqualTo(text);
        }
    }

    @Test
    void theTextStartsWithTheFormatAndEndsWithANewline() {
        String text = ProjectFiles.write(Project.empty("x"));
        assertThat(text).startsWith("{\n  \"format\": \"throng-project/1\",\n");
        assertThat(text).endsWith("}\n");
        assertThat(text).doesNotContain("\t").doesNotContain("\r");
    }

    @Test
    void aOneFieldEditIsAOneLineDiff() {
        var generator = new ProjectGenerator(7L);
        for (int i = 0; i < 50; i++) {
            Project project = generator.project();
            UserProfile first = project.profiles().getFirst();
            Project edited =
                    project.withProfiles(replaceFirst(project.profiles(), first.withWeight(first.weight() + 3)));
            assertThat(changedLines(ProjectFiles.write(project), ProjectFiles.write(edited)))
                    .as("weight edit, case %d", i)
                    .isEqualTo(1);

            LoadPlan plan = project.loadPlan();
            LoadPlan longer = switch (plan) {
                case LoadPlan.Closed c -> c.withDuration(c.duration().plus(Duration.ofSeconds(1)));
                case LoadPlan.Open o -> o.withDuration(o.duration().plus(Duration.ofSeconds(1)));
                case LoadPlan.Capacity k ->
                    new LoadPlan.Capacity(
                            k.model(),
                            k.start(),
                            k.step(),
                            k.stepMode(),
                            k.hold().plus(Duration.ofSeconds(1)),
                            k.upperBound(),
                            k.refinements(),
                            k.spawnRate(),
                            k.maxConcurrentUsers(),
                            k.gracefulStop());
            };
            assertThat(changedLines(ProjectFiles.write(project), ProjectFiles.write(project.withLoadPlan(longer))))
                    .as("duration edit, case %d", i)
                    .isEqualTo(1);

            Flow flow = project.flows().getFirst();
            if (!flow.steps().isEmpty()) {
                var step = flow.steps().getFirst();
                var moved = step.withPosition(new dev.throng.engine.project.Position(
                        step.position().x() + 10, step.position().y()));
                Project edit = project.withFlow(flow.withStep(moved));
                assertThat(changedLines(ProjectFiles.write(project), ProjectFiles.write(edit)))
                        .as("move, case %d", i)
                        .isEqualTo(1);
            }
        }
    }

    private static <T> List<T> replaceFirst(List<T> list, T value) {
        var copy = new ArrayList<>(list);
        copy.set(0, value);
        return copy;
    }

    /** The number of lines that differ, for texts with the same number of lines (else -1). */
    private static int changedLines(String a, String b) {
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        if (la.length != lb.length) {
            return -1;
        }
        int changed = 0;
        for (int i = 0; i < la.length; i++) {
            if (!la[i].equals(lb[i])) {
                changed++;
            }
        }
        return changed;
    }

    private static List<Problem> structural(ReadResult result) {
        return result.errors();
    }
}
