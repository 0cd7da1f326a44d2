package dev.throng.engine.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    /**
     * A made-up older shape, for the test only: profiles were "users", and the plan's duration was a number of
     * seconds.
     */
    static final String V0 = """
            {
              "format": "throng-project/0",
              "name": "old",
              "settings": {"baseUrls": ["http://127.0.0.1:8080"]},
              "users": [{"name": "web", "weight": 1, "mainFlow": "main"}],
              "flows": [
                {
                  "id": "main",
                  "steps": [{"id": "home", "type": "request", "method": "GET", "url": "/"}],
                  "edges": [{"from": "start", "to": "home", "weight": 1}]
                }
              ],
              "loadPlan": {"type": "closed", "users": 2, "spawnRate": 1, "duration": 90}
            }
            """;

    static final Migration V0_TO_V1 = new Migration() {
        @Override
        public int fromVersion() {
            return 0;
        }

        @Override
        public void apply(ObjectNode root) {
            JsonNode users = root.remove("users");
            if (users != null) {
                root.set("profiles", users);
            }
            if (root.get("loadPlan") instanceof ObjectNode plan
                    && plan.get("duration").isNumber()) {
                plan.put("duration", plan.get("duration").asLong() + "s");
            }
        }
    };

    @Test
    void anOlderFileIsMigratedBeforeBinding() {
        var reader = new ProjectReader(new Migrations(List.of(V0_TO_V1), 1));
        ReadResult r = reader.read(V0, "old.throng.json", null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.project().profiles())
                .singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("web"));
        assertThat(r.project().loadPlan().duration()).hasSeconds(90);
        // saving writes the current format
        assertThat(ProjectFiles.write(r.project())).contains("\"format\": \"throng-project/1\"");
    }

    @Test
    void withoutTheStepTheOlderFormatIsRefusedByName() {
        ReadResult r = ProjectFiles.parse(V0, "old.throng.json");
        assertThat(r.project()).isNull();
        assertThat(r.problems().stream().map(Problem::format))
                .containsExactly("old.throng.json:2:13: $.format: format throng-project/0 is older than this version"
                        + " of Throng can read (the oldest is throng-project/1)");
    }

    @Test
    void stepsAreChainedInOrder() {
        var applied = new ArrayList<Integer>();
        var steps = new ArrayList<Migration>();
        for (int v = 3; v >= 1; v--) {
            int from = v;
            steps.add(new Migration() {
                @Override
                public int fromVersion() {
                    return from;
                }

                @Override
                public void apply(ObjectNode root) {
                    applied.add(from);
                }
            });
        }
        var migrations = new Migrations(steps, 4);
        assertThat(migrations.oldest()).isEqualTo(1);
        ObjectNode root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        root.put("format", "throng-project/2");
        assertThat(migrations.migrate(root, new ArrayList<>())).isTrue();
        assertThat(applied).containsExactly(2, 3);
        assertThat(root.get("format").asText()).isEqualTo("throng-project/4");
    }

    @Test
    void aNewerFormatIsRefused() {
        var problems = new ArrayList<Problem>();
        ObjectNode root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        root.put("format", "throng-project/9");
        assertThat(Migrations.STANDARD.migrate(root, problems)).isFalse();
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("written by a newer Throng: format throng-project/9; this version reads up to 1"));
    }
}
