package dev.throng.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.user.Exchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugRunViewModelTest {
    private final Project project = Project.empty("shop")
            .withProfiles(List.of(UserProfile.of("web", 1, "browse"), UserProfile.of("mobile", 1, "api")));
    private final List<String> calls = new ArrayList<>();

    static Exchange exchange(String name, int status, String failureKind) {
        return new Exchange(
                "browse",
                "s1",
                name,
                "GET",
                "http://127.0.0.1:1" + name,
                List.of(new Header("Accept", "*/*")),
                "",
                status,
                "OK",
                List.of(new Header("Content-Type", "text/plain")),
                "hello",
                5,
                12_300,
                100,
                0,
                11_000,
                Map.of("id", "7"),
                List.of(new Exchange.CheckResult(
                        "status is 200", failureKind == null, failureKind == null ? "" : "was 500")),
                failureKind,
                failureKind == null ? null : "HTTP 500");
    }

    @Test
    void runsTheChosenProfileAndSelectsTheFirstFailure() {
        DebugRunViewModel vm = new DebugRunViewModel(
                () -> project,
                () -> Path.of("."),
                (p, profile, n, dir) -> {
                    calls.add(profile + " x" + n);
                    return List.of(exchange("/", 200, null), exchange("/slow", 500, "http-status"));
                },
                BackgroundTasks.inline());
        vm.refreshFromProject();
        assertThat(vm.profiles()).containsExactly("web", "mobile");
        assertThat(vm.profileProperty().get()).isEqualTo("web");
        vm.profileProperty().set("mobile");
        vm.iterationsProperty().set(3);
        vm.run();
        assertThat(calls).containsExactly("mobile x3");
        assertThat(vm.exchanges()).hasSize(2);
        assertThat(vm.statusProperty().get()).isEqualTo("2 requests, 1 failed.");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("/slow");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void saysWhyItCouldNotRun() {
        DebugRunViewModel vm = new DebugRunViewModel(
                () -> project,
                () -> Path.of("."),
                (p, profile, n, dir) -> {
                    throw new RunStartException("the environment variable API_KEY is not set");
                },
                BackgroundTasks.inline());
        vm.run();
        assertThat(vm.statusProperty().get())
                .isEqualTo("The debug run could not run: the environment variable API_KEY is not set");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void inspectorTextShowsRequestResponseChecksAndFailure() {
        String text = ExchangeText.full(exchange("/slow", 500, "http-status"));
        assertThat(text)
                .contains("GET http://127.0.0.1:1/slow")
                .contains("Accept: */*")
                .contains("--- response\n500 OK")
                .contains("hello")
                .contains("id = 7")
                .contains("✗ status is 200: was 500")
                .contains("--- failed (http-status)\nHTTP 500");
        assertThat(ExchangeText.summary(exchange("/", 200, null))).isEqualTo("200  GET /  12 ms");
    }
}
