package dev.throng.engine.project;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the meaning of a project: references between its parts, weights, durations, templates, regular expressions,
 * URLs, data files and the load plan. Stateless; thread-safe; reads only the data files' header lines.
 *
 * <p>Each problem names its element by JSON path in the project file's layout (e.g. {@code $.flows[0].steps[2].url}),
 * so it identifies the element with or without a file; the file reader adds line and column.
 */
public final class Validator {

    private Validator() {}

    /**
     * Every problem of {@code project}, errors and warnings, grouped by part of the project.
     *
     * @param projectDirectory where relative data and body file paths are resolved; {@code null} skips file checks
     *     (unknown variables are then warnings, since they may be columns of unread data files)
     */
    public static List<Problem> validate(Project project, Path projectDirectory) {
        var out = new ArrayList<Problem>();
        var templates = new TemplateChecks(out);
        var flows = new FlowChecks(
                out, templates, projectDirectory, !project.settings().baseUrls().isEmpty());
        knownNames(project, projectDirectory, templates, out);

        if (project.name().isBlank()) {
            out.add(Problem.error("$.name", "the project needs a name"));
        }
        settings(project.settings(), projectDirectory, templates, flows, out);
        Set<String> variableNames = new HashSet<>();
        for (int i = 0; i < project.variables().size(); i++) {
            Variable v = project.variables().get(i);
            String path = "$.variables[" + i + "]";
            if (!TemplateChecks.isValidVariableName(v.name())) {
                out.add(Problem.error(
                        path + ".name",
                        "'" + v.name() + "' cannot be a variable name (a letter or _, then letters,"
                                + " digits, _, . or -; no leading __)"));
            } else if (!variableNames.add(v.name())) {
                out.add(Problem.error(path + ".name", "duplicate variable '" + v.name() + "'"));
            }
            templates.template(path + ".value", v.value());
            templates.secretVariable(path + ".value", v);
        }
        profiles(project, templates, flows, out);
        Set<String> flowIds = new HashSet<>();
        for (int i = 0; i < project.flows().size(); i++) {
            Flow f = project.flows().get(i);
            if (!flowIds.add(f.id())) {
                out.add(Problem.error("$.flows[" + i + "].id", "duplicate flow id '" + f.id() + "'"));
            }
            flows.flow("$.flows[" + i + "]", f);
        }
        PlanChecks.plan(project, flows, out);
        PlanChecks.thresholds(project, out);
        return List.copyOf(out);
    }

    private static void knownNames(Project project, Path dir, TemplateChecks templates, List<Problem> out) {
        project.variables().forEach(v -> templates.know(v.name()));
        for (int i = 0; i < project.flows().size(); i++) {
            project.flows().get(i).steps().forEach(s -> extracted(s, templates));
        }
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < project.dataSources().size(); i++) {
            DataSource d = project.dataSources().get(i);
            String path = "$.dataSources[" + i + "]";
            if (d.id().isBlank()) {
                out.add(Problem.error(path + ".id", "empty data source id"));
            } else if (ids.putIfAbsent(d.id(), path) != null) {
                out.add(Problem.error(path + ".id", "duplicate data source id '" + d.id() + "'"));
            }
            if (d.delimiter() == '"' || d.delimiter() == '\n' || d.delimiter() == '\r') {
                out.add(Problem.error(path + ".delimiter", "the delimiter cannot be a quote or a line break"));
            }
            Path file = TemplateChecks.resolve(dir, d.path());
            if (d.path().isBlank() || file == null) {
                out.add(Problem.error(path + ".path", "'" + d.path() + "' is not a file path"));
                templates.unreadable(d.id());
                continue;
            }
            if (dir == null) {
                templates.unreadable(d.id());
                continue;
            }
            var header = CsvHeader.read(file, d.delimiter());
            if (header.error() != null) {
                out.add(Problem.error(path + ".path", header.error()));
                templates.unreadable(d.id());
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (String column : header.columns()) {
                if (column.isEmpty()) {
                    out.add(Problem.warning(path + ".path", "data file " + file + " has a column without a name"));
                } else if (!seen.add(column)) {
                    out.add(Problem.warning(
                            path + ".path", "data file " + file + " names column '" + column + "' twice"));
                }
                templates.know(column);
            }
        }
    }

    private static void extracted(Step step, TemplateChecks templates) {
        switch (step) {
            case Step.Request r -> r.extractors().forEach(e -> templates.know(e.variable()));
            case Step.Group g -> g.steps().forEach(s -> extracted(s, templates));
            case Step.Pause p -> {}
        }
    }

    private static void settings(Settings s, Path dir, TemplateChecks templates, FlowChecks flows, List<Problem> out) {
        for (int i = 0; i < s.baseUrls().size(); i++) {
            templates.baseUrl("$.settings.baseUrls[" + i + "]", s.baseUrls().get(i));
        }
        for (int i = 0; i < s.headers().size(); i++) {
            templates.header("$.settings.headers[" + i + "]", s.headers().get(i));
        }
        positive("$.settings.timeouts.connect", s.timeouts().connect(), flows, out);
        positive("$.settings.timeouts.response", s.timeouts().response(), flows, out);
        if (s.timeouts().total() != null) {
            positive("$.settings.timeouts.total", s.timeouts().total(), flows, out);
        }
        if (s.redirects().max() < 0) {
            out.add(Problem.error("$.settings.redirects.max", "the number of redirects cannot be negative"));
        }
        if (s.connections().poolSize() < 0) {
            out.add(Problem.error("$.settings.connections.poolSize", "the pool size cannot be negative"));
        }
        if (s.maxBodyBytes() <= 0) {
            out.add(Problem.error("$.settings.maxBodyBytes", "the largest body must be above zero bytes"));
        }
        var tls = s.tls();
        if (tls.trustAll() || !tls.verify()) {
            out.add(Problem.warning(
                    "$.settings.tls", "certificate verification is off: use only against test servers you control"));
        }
        tlsFile("$.settings.tls.trustStore", tls.trustStore(), dir, out);
        tlsFile("$.settings.tls.clientCertificate", tls.clientCertificate(), dir, out);
        tlsPassword("$.settings.tls.trustStorePassword", tls.trustStorePassword(), templates, out);
        tlsPassword("$.settings.tls.clientCertificatePassword", tls.clientCertificatePassword(), templates, out);
        for (int i = 0; i < s.localAddresses().size(); i++) {
            String address = s.localAddresses().get(i);
            try {
                InetAddress.ofLiteral(address);
            } catch (IllegalArgumentException e) {
                out.add(Problem.error(
                        "$.settings.localAddresses[" + i + "]",
                        "'" + address + "' is not an IP address such as 10.0.0.5 (names are not looked up)"));
            }
        }
    }

    private static void tlsFile(String path, String file, Path dir, List<Problem> out) {
        if (file == null) {
            return;
        }
        Path p = TemplateChecks.resolve(dir, file);
        if (p == null || file.isBlank()) {
            out.add(Problem.error(path, "'" + file + "' is not a file path"));
        } else if (dir != null && !Files.isRegularFile(p)) {
            out.add(Problem.error(path, "file not found: " + p));
        }
    }

    private static void tlsPassword(String path, String password, TemplateChecks templates, List<Problem> out) {
        if (password == null) {
            return;
        }
        templates.template(path, password);
        if (!password.isEmpty() && Templates.references(password).isEmpty()) {
            out.add(Problem.warning(path, "a password is written literally in the file; use ${env:NAME}"));
        }
    }

    private static void positive(String path, Duration d, FlowChecks flows, List<Problem> out) {
        if (d.isNegative() || d.isZero()) {
            out.add(Problem.error(path, "must be above zero"));
        }
        flows.tooLong(path, d);
    }

    private static void profiles(Project project, TemplateChecks templates, FlowChecks flows, List<Problem> out) {
        if (project.profiles().isEmpty()) {
            out.add(Problem.error("$.profiles", "no user profiles: add at least one (a name, a weight, a main flow)"));
            return;
        }
        var flowIds = project.flows().stream().map(Flow::id).toList();
        var sourceIds = project.dataSources().stream().map(DataSource::id).toList();
        Set<String> names = new HashSet<>();
        double weighted = 0;
        boolean anyWeighted = false;
        for (int i = 0; i < project.profiles().size(); i++) {
            UserProfile p = project.profiles().get(i);
            String path = "$.profiles[" + i + "]";
            if (p.name().isBlank()) {
                out.add(Problem.error(path + ".name", "empty profile name"));
            } else if (!names.add(p.name())) {
                out.add(Problem.error(path + ".name", "duplicate profile name '" + p.name() + "'"));
            }
            if (!Double.isFinite(p.weight()) || p.weight() < 0) {
                out.add(Problem.error(path + ".weight", "weight " + p.weight() + " must be zero or more"));
            }
            if (p.fixedCount() != null) {
                if (p.fixedCount() < 0) {
                    out.add(Problem.error(path + ".fixedCount", "a fixed count cannot be negative"));
                }
            } else {
                anyWeighted = true;
                weighted += Double.isFinite(p.weight()) && p.weight() > 0 ? p.weight() : 0;
            }
            flowRef(path + ".mainFlow", p.mainFlow(), flowIds, out);
            if (p.startFlow() != null) {
                flowRef(path + ".startFlow", p.startFlow(), flowIds, out);
            }
            if (p.stopFlow() != null) {
                flowRef(path + ".stopFlow", p.stopFlow(), flowIds, out);
            }
            double sp = p.startProbability();
            if (!(sp >= 0 && sp <= 1)) {
                out.add(Problem.error(
                        path + ".startProbability",
                        "start probability " + sp + " must be between 0 and 1 (0.3 = 30%)"));
            } else if (sp > 0 && p.startFlow() == null) {
                out.add(Problem.warning(path + ".startProbability", "a start probability but no start flow"));
            }
            thinkTime(path + ".thinkTime", p.thinkTime(), flows, out);
            Set<String> bound = new HashSet<>();
            for (int j = 0; j < p.data().size(); j++) {
                DataBinding b = p.data().get(j);
                String bp = path + ".data[" + j + "].source";
                if (!sourceIds.contains(b.source())) {
                    out.add(Problem.error(
                            bp, "unknown data source '" + b.source() + "'" + DidYouMean.suffix(b.source(), sourceIds)));
                } else if (!bound.add(b.source())) {
                    out.add(Problem.warning(bp, "data source '" + b.source() + "' is bound twice"));
                }
            }
        }
        if (anyWeighted && weighted <= 0) {
            out.add(Problem.error("$.profiles", "the weights of the profiles sum to zero: give one a weight above 0"));
        }
    }

    private static void flowRef(String path, String flow, List<String> flowIds, List<Problem> out) {
        if (!flowIds.contains(flow)) {
            out.add(Problem.error(path, "unknown flow '" + flow + "'" + DidYouMean.suffix(flow, flowIds)));
        }
    }

    private static void thinkTime(String path, ThinkTime t, FlowChecks flows, List<Problem> out) {
        switch (t) {
            case ThinkTime.Constant c -> flows.nonNegative(path + ".pause", c.pause(), "think time");
            case ThinkTime.Between b -> {
                flows.nonNegative(path + ".min", b.min(), "think time");
                flows.nonNegative(path + ".max", b.max(), "think time");
                if (b.max().compareTo(b.min()) < 0) {
                    out.add(Problem.error(path + ".max", "the longest think time is shorter than the shortest"));
                }
            }
            case ThinkTime.Pacing p -> {
                if (p.interval().isNegative() || p.interval().isZero()) {
                    out.add(Problem.error(path + ".interval", "the pacing interval must be above zero"));
                }
                flows.tooLong(path + ".interval", p.interval());
            }
            case ThinkTime.Throughput r -> {
                if (!(r.iterationsPerSecond() > 0) || Double.isInfinite(r.iterationsPerSecond())) {
                    out.add(Problem.error(path + ".iterationsPerSecond", "iterations per second must be above zero"));
                }
            }
        }
    }
}
