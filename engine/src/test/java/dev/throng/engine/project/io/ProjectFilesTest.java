package dev.throng.engine.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path dir;

    /** A small valid project, one member per line, to damage in tests. */
    static final String VALID = """
            {
              "format": "throng-project/1",
              "name": "t",
              "settings": {"baseUrls": ["http://127.0.0.1:8080"]},
              "profiles": [
                {"name": "web", "weight": 1, "mainFlow": "main"}
              ],
              "flows": [
                {
                  "id": "main",
                  "steps": [
                    {"id": "home", "type": "request", "method": "GET", "url": "/"},
                    {"id": "cart", "type": "request", "method": "GET", "url": "/cart"}
                  ],
                  "edges": [
                    {"from": "start", "to": "home", "weight": 1},
                    {"from": "home", "to": "cart", "weight": 1}
                  ]
                }
              ],
              "loadPlan": {"type": "closed", "users": 1, "spawnRate": 1, "duration": "10s"}
            }
            """;

    private static ReadResult parse(String text) {
        return ProjectFiles.parse(text, "t.throng.json");
    }

    private static List<String> formatted(ReadResult r) {
        return r.problems().stream().map(Problem::format).toList();
    }

    @Test
    void aValidProjectReadsWithoutProblems() {
        ReadResult r = parse(VALID);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.project().flows().getFirst().steps()).hasSize(2);
        assertThat(r.sourceMap().locate("$.flows[0].edges[1].to").orElseThrow())
                .isEqualTo(new SourceMap.Location(17, 32));
    }

    @Test
    void anEdgeToAnUnknownStepIsReportedWithLineColumnAndSuggestion() {
        ReadResult r = parse(VALID.replace("\"to\": \"cart\"", "\"to\": \"cart2\""));
        assertThat(r.errors().stream().map(Problem::format))
                .containsExactly("t.throng.json:17:32: $.flows[0].edges[1].to: edge to unknown step 'cart2' (did you"
                        + " mean 'cart'?)");
        assertThat(r.warnings().stream().map(Problem::format))
                .containsExactly("t.throng.json:13:9: $.flows[0].steps[1]: warning: step 'cart' is never reached from"
                        + " 'start' (no edge with a weight above zero)");
        // semantic problems keep the project so it can be opened and fixed
        assertThat(r.project()).isNotNull();
        assertThat(r.ok()).isFalse();
    }

    @Test
    void emptyAndBlankFilesSaySo() {
        for (String text : List.of("", "   \n\n ")) {
            ReadResult r = parse(text);
            assertThat(r.project()).isNull();
            assertThat(formatted(r)).singleElement().asString().startsWith("t.throng.json:1:1: $: the file is empty");
        }
    }

    @Test
    void textThatIsNotJsonIsLocated() {
        ReadResult r = parse("{\n  \"format\": \"throng-project/1\",\n  name: 1\n}");
        assertThat(r.project()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).startsWith("not valid JSON");
        });
        assertThat(parse("hello").problems().getFirst().line()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileSaysItEndsTooEarly() {
        ReadResult r = parse(VALID.substring(0, VALID.length() / 2));
        assertThat(r.project()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("ends too early").doesNotContain("[Source:");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void aSecondValueAfterTheProjectIsAnError() {
        assertThat(formatted(parse(VALID + "{}")))
                .singleElement()
                .asString()
                .contains("unexpected content after the end");
    }

    @Test
    void theRootMustBeAnObject() {
        assertThat(formatted(parse("[1, 2]"))).singleElement().asString().contains("one JSON object");
    }

    @Test
    void wrongTypesUnknownFieldsMissingFieldsAndEnumsAreAllReportedInOnePass() {
        String text = VALID.replace("\"weight\": 1, \"mainFlow\": \"main\"", "\"wieght\": 1, \"mainFlow\": 7")
                .replace("\"method\": \"GET\", \"url\": \"/cart\"", "\"method\": \"GET\"")
                .replace("\"type\": \"closed\"", "\"type\": \"closd\"")
                .replace("\"duration\": \"10s\"", "\"duration\": 10");
        ReadResult r = parse(text);
        assertThat(r.project()).isNull();
        assertThat(formatted(r))
                .containsExactly(
                        "t.throng.json:6:21: $.profiles[0].wieght: unknown field 'wieght' in a user profile (did you"
                                + " mean 'weight'?)",
                        "t.throng.json:6:46: $.profiles[0].mainFlow: expected a string, found a number (7)",
                        "t.throng.json:13:9: $.flows[0].steps[1].url: missing required field \"url\" in a request",
                        "t.throng.json:21:24: $.loadPlan.type: unknown load plan type 'closd' (did you mean"
                                + " 'closed'?); accepted: closed, open, capacity");
    }

    @Test
    void enumValuesListWhatIsAccepted() {
        String text = VALID.replace(
                "\"settings\": {\"baseUrls\": [\"http://127.0.0.1:8080\"]}",
                "\"settings\": {\"baseUrls\": [\"http://127.0.0.1:8080\"], \"connections\": {\"policy\": \"pooled\"}}");
        assertThat(formatted(parse(text)))
                .singleElement()
                .asString()
                .endsWith("$.settings.connections.policy: unknown policy 'pooled'; accepted: per_user, shared");
    }

    @Test
    void duplicateKeysAreErrors() {
        String text = VALID.replace("\"name\": \"t\",", "\"name\": \"t\",\n  \"name\": \"u\",");
        ReadResult r = parse(text);
        assertThat(r.project()).isNull();
        assertThat(formatted(r))
                .containsExactly("t.throng.json:4:3: $.name: duplicate key 'name': the file names it" + " twice");
    }

    @Test
    void aNewerFormatIsRefusedClearly() {
        ReadResult r = parse(VALID.replace("throng-project/1", "throng-project/2"));
        assertThat(r.project()).isNull();
        assertThat(formatted(r))
                .containsExactly("t.throng.json:2:13: $.format: written by a newer Throng: format throng-project/2;"
                        + " this version reads up to 1 (update Throng to open it)");
    }

    @Test
    void aMissingOrForeignFormatIsRefused() {
        assertThat(formatted(parse("{\"name\": \"x\"}")))
                .singleElement()
                .asString()
                .contains("missing \"format\"");
        assertThat(formatted(parse("{\"format\": \"openapi/3\"}")))
                .singleElement()
                .asString()
                .contains("not a Throng project file: format 'openapi/3'");
    }

    @Test
    void deepNestingIsALocatedErrorNotAStackOverflow() {
        String deep = "{\"format\": \"throng-project/1\", \"name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ReadResult r = parse(deep);
        assertThat(r.project()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("nested more than");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeParsing() throws IOException {
        Path big = dir.resolve("big.throng.json");
        byte[] chunk = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        ReadResult r = ProjectFiles.read(big);
        assertThat(r.project()).isNull();
        assertThat(formatted(r))
                .singleElement()
                .asString()
                .startsWith(big + ":1:1: $: the file is 52428800 bytes; a project file is at most 20 MB");
    }

    @Test
    void invalidUtf8IsLocated() throws IOException {
        Path file = dir.resolve("bad.throng.json");
        byte[] text = VALID.getBytes(StandardCharsets.UTF_8);
        int at = VALID.indexOf("\"t\"") + 1; // the name's only letter, line 3 column 12
        text[at] = (byte) 0xC3; // a lead byte followed by a quote: malformed
        Files.write(file, text);
        ReadResult r = ProjectFiles.read(file);
        assertThat(r.project()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).startsWith("not UTF-8 text: invalid byte 0xc3");
        });
    }

    @Test
    void aMissingFileIsAProblemNotAnException() {
        ReadResult r = ProjectFiles.read(dir.resolve("nope.throng.json"));
        assertThat(r.project()).isNull();
        assertThat(r.problems().getFirst().message()).isEqualTo("file not found");
        assertThat(ProjectFiles.read(dir).problems().getFirst().message()).contains("directory");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.throng.json");
        Files.writeString(file, "\uFEFF" + VALID);
        assertThat(ProjectFiles.read(file).ok()).isTrue();
    }

    @Test
    void readingAFileChecksItsDataFilesBesideIt() throws IOException {
        String text = VALID.replace(
                        "\"profiles\": [",
                        "\"dataSources\": [{\"id\": \"accounts\", \"path\": \"data/accounts.csv\"}],\n  \"profiles\": [")
                .replace("\"url\": \"/cart\"", "\"url\": \"/cart?u=${username}\"");
        Path file = dir.resolve("p.throng.json");
        Files.writeString(file, text);
        ReadResult missing = ProjectFiles.read(file);
        assertThat(missing.errors()).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).isEqualTo("$.dataSources[0].path");
            assertThat(p.message()).startsWith("data file not found: ");
        });
        // while the file is missing, an unknown name may be one of its columns: a warning only
        assertThat(missing.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown variable 'username'"));

        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/accounts.csv"), "username,password\nuser0001,pass0001\n");
        assertThat(ProjectFiles.read(file).problems()).isEmpty();

        Files.writeString(dir.resolve("data/accounts.csv"), "login,password\nuser0001,pass0001\n");
        assertThat(ProjectFiles.read(file).errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown variable 'username'"));
    }

    @Test
    void semanticProblemsUnderAStructuralOneAreNotRepeated() {
        // the missing mainFlow is reported once, not also as "unknown flow ''"
        ReadResult r = parse(VALID.replace(", \"mainFlow\": \"main\"", ""));
        assertThat(formatted(r))
                .containsExactly(
                        "t.throng.json:6:5: $.profiles[0].mainFlow: missing required field \"mainFlow\" in a user"
                                + " profile");
    }

    @Test
    void anUnknownStepTypeDoesNotAlsoBreakItsEdges() {
        ReadResult r = parse(VALID.replace(
                "\"id\": \"cart\", \"type\": \"request\"", "\"id\": \"cart\", \"type\":" + " \"requets\""));
        assertThat(r.errors())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message())
                                .isEqualTo(
                                        "unknown step type 'requets' (did you mean 'request'?); accepted: request, pause, group"));
    }

    @Test
    void saveWritesAtomicallyAndReadsBack() throws IOException {
        Project project = parse(VALID).project();
        Path file = dir.resolve("saved.throng.json");
        Files.writeString(file, "old content");
        ProjectFiles.save(project, file);
        assertThat(Files.readString(file)).isEqualTo(ProjectFiles.write(project));
        assertThat(ProjectFiles.read(file).project()).isEqualTo(project);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("saved.throng.json");
        }
    }

    @Test
    void saveKeepsThePermissionsOfTheFileItReplaces() throws IOException {
        Path file = dir.resolve("perm.throng.json");
        Files.writeString(file, "old");
        var permissions = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, permissions);
        ProjectFiles.save(Project.empty("p"), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
        ProjectFiles.save(Project.empty("p"), dir.resolve("new.throng.json"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("new.throng.json")))
                .contains(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void problemsComeInFileOrder() {
        String text = VALID.replace("\"to\": \"cart\"", "\"to\": \"cart2\"").replace("\"url\": \"/\"", "\"url\": \"\"");
        var lines = parse(text).problems().stream().map(Problem::line).toList();
        assertThat(lines).isSorted().hasSize(3);
    }

    @Test
    void aNumberTooLongForTheParserIsLocated() {
        ReadResult r = parse(VALID.replace("\"users\": 1", "\"users\": " + "9".repeat(5000)));
        assertThat(r.project()).isNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(21);
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void aFileWithThousandsOfProblemsListsTheFirstThousandAndCountsTheRest() {
        var edges = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            edges.append("{\"from\": \"start\", \"to\": \"nowhere").append(i).append("\", \"weight\": 1},\n");
        }
        ReadResult r = parse(VALID.replace("\"edges\": [", "\"edges\": [\n" + edges));
        assertThat(r.problems()).hasSize(ProjectReader.MAX_PROBLEMS + 1);
        assertThat(r.problems().getLast().message())
                .isEqualTo("... and 2000 more problems (only the first 1000 are" + " listed)");
        assertThat(r.problems().getLast().isError()).isTrue();
    }
}
