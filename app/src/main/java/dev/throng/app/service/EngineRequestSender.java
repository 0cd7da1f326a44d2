package dev.throng.app.service;

import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.run.RunOptions;
import dev.throng.engine.run.Runs;
import dev.throng.engine.user.Exchange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@link RequestSender} through the engine's single-user debug run ({@link Runs#debugRun}): the request runs alone,
 * as the only step of a one-off flow, with the project's settings, variables and data. Values a start flow would
 * extract (a login's session) are not there. Blocking; thread-safe.
 */
public final class EngineRequestSender implements RequestSender {
    static final String ONE_OFF = "__send_once";

    @Override
    public Exchange send(Project project, Path projectDirectory, Step.Request request) throws Exception {
        Project single = oneOff(project, request);
        List<dev.throng.engine.user.Exchange> exchanges =
                Runs.debugRun(single, ONE_OFF, 1, RunOptions.of(projectDirectory));
        if (exchanges.isEmpty()) {
            return new Exchange(request.url(), 0, List.of(), "", java.util.Map.of(), java.util.Map.of(), "not sent");
        }
        return convert(exchanges.getFirst());
    }

    /** The project with one more flow holding only {@code request}, and a profile that runs it. */
    static Project oneOff(Project project, Step.Request request) {
        var flow = new Flow(
                ONE_OFF,
                "Send once",
                List.of(request),
                List.of(Edge.of(Flow.START, request.id(), 1), Edge.of(request.id(), Flow.END, 1)));
        var bindings = new LinkedHashMap<String, DataBinding>();
        for (UserProfile p : project.profiles()) {
            p.data().forEach(b -> bindings.putIfAbsent(b.source(), b));
        }
        var profile = new UserProfile(
                ONE_OFF, 1, null, ThinkTime.NONE, null, 0, ONE_OFF, null, List.copyOf(bindings.values()));
        var profiles = new ArrayList<>(project.profiles());
        profiles.add(profile);
        return project.withFlow(flow).withProfiles(profiles);
    }

    static Exchange convert(dev.throng.engine.user.Exchange x) {
        var timings = new LinkedHashMap<String, Double>();
        timings.put("total", x.latencyMicros() / 1000.0);
        if (x.connectMicros() > 0) {
            timings.put("connect", x.connectMicros() / 1000.0);
        }
        if (x.tlsMicros() > 0) {
            timings.put("tls", x.tlsMicros() / 1000.0);
        }
        if (x.firstByteMicros() > 0) {
            timings.put("first byte", x.firstByteMicros() / 1000.0);
        }
        String type = x.responseHeaders().stream()
                .filter(h -> h.name().equalsIgnoreCase("content-type"))
                .map(Header::value)
                .findFirst()
                .orElse("");
        String body = x.responseBody() == null ? "" : x.responseBody();
        if (type.toLowerCase(Locale.ROOT).contains("json")) {
            body = JsonText.pretty(body);
        }
        String failure = x.failureMessage();
        for (var check : x.checks()) {
            if (!check.passed() && failure == null) {
                failure = "check " + check.description() + ": " + check.message();
            }
        }
        return new Exchange(x.url(), x.status(), x.responseHeaders(), body, timings, x.extracted(), failure);
    }
}
