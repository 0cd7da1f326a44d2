package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Check;
import dev.throng.engine.project.DataBinding;
import dev.throng.engine.project.DataSource;
import dev.throng.engine.project.DurationText;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.LoadPlan;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.ThinkTime;
import dev.throng.engine.project.Threshold;
import dev.throng.engine.project.UserProfile;
import dev.throng.engine.project.Variable;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link Project} into the JSON tree of the current format, members in the order of {@link Shapes}. Empty
 * optional lists and absent optional values are left out; everything else is written, defaults included. Small
 * name/value pairs and positions are marked to be printed on one line. Package-private; one instance per write.
 */
final class ProjectWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Objects the printer puts on one line. */
    final Set<ObjectNode> inline = Collections.newSetFromMap(new IdentityHashMap<>());

    ObjectNode write(Project p) {
        ObjectNode o = NODES.objectNode();
        o.put("format", Migrations.PREFIX + Migrations.CURRENT);
        o.put("name", p.name());
        o.put("description", p.description());
        o.set("settings", settings(p.settings()));
        ArrayNode variables = o.putArray("variables");
        for (Variable v : p.variables()) {
            variables.add(pair(v.name(), v.value()));
        }
        ArrayNode sources = o.putArray("dataSources");
        for (DataSource d : p.dataSources()) {
            ObjectNode s = sources.addObject();
            s.put("id", d.id());
            s.put("path", d.path());
            s.put("delimiter", String.valueOf(d.delimiter()));
            s.put("policy", Members.label(d.policy()));
            s.put("whenExhausted", Members.label(d.whenExhausted()));
        }
        ArrayNode profiles = o.putArray("profiles");
        p.profiles().forEach(u -> profiles.add(profile(u)));
        ArrayNode flows = o.putArray("flows");
        p.flows().forEach(f -> flows.add(flow(f)));
        o.set("loadPlan", plan(p.loadPlan()));
        ArrayNode thresholds = o.putArray("thresholds");
        for (Threshold t : p.thresholds()) {
            ObjectNode n = thresholds.addObject();
            n.put("rule", new Threshold(t.metric(), null, t.comparison(), t.value(), false).rule());
            if (t.scope() != null) {
                n.put("scope", t.scope());
            }
            n.put("abortOnFail", t.abortOnFail());
            inline.add(n);
        }
        return o;
    }

    private ObjectNode pair(String name, String value) {
        ObjectNode n = NODES.objectNode();
        n.put("name", name);
        n.put("value", value);
        inline.add(n);
        return n;
    }

    private ArrayNode pairs(List<Header> headers) {
        ArrayNode a = NODES.arrayNode();
        headers.forEach(h -> a.add(pair(h.name(), h.value())));
        return a;
    }

    private static String text(Duration d) {
        return DurationText.format(d);
    }

    private static void number(ObjectNode o, String field, double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + ", which a project file cannot hold");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !isNegativeZero(value)) {
            o.put(field, (long) value);
        } else {
            o.put(field, value);
        }
    }

    private static boolean isNegativeZero(double value) {
        return value == 0 && Double.doubleToRawLongBits(value) != 0;
    }

    private ObjectNode settings(Settings s) {
        ObjectNode o = NODES.objectNode();
        ArrayNode urls = o.putArray("baseUrls");
        s.baseUrls().forEach(urls::add);
        o.set("headers", pairs(s.headers()));
        ObjectNode t = o.putObject("timeouts");
        t.put("connect", text(s.timeouts().connect()));
        t.put("response", text(s.timeouts().response()));
        if (s.timeouts().total() != null) {
            t.put("total", text(s.timeouts().total()));
        }
        ObjectNode tls = o.putObject("tls");
        tls.put("verify", s.tls().verify());
        tls.put("trustAll", s.tls().trustAll());
        putIfSet(tls, "trustStore", s.tls().trustStore());
        putIfSet(tls, "trustStorePassword", s.tls().trustStorePassword());
        putIfSet(tls, "clientCertificate", s.tls().clientCertificate());
        putIfSet(tls, "clientCertificatePassword", s.tls().clientCertificatePassword());
        ObjectNode r = o.putObject("redirects");
        r.put("follow", s.redirects().follow());
        r.put("max", s.redirects().max());
        ObjectNode c = o.putObject("connections");
        c.put("policy", Members.label(s.connections().policy()));
        c.put("poolSize", s.connections().poolSize());
        if (!s.localAddresses().isEmpty()) {
            ArrayNode a = o.putArray("localAddresses");
            s.localAddresses().forEach(a::add);
        }
        o.put("maxBodyBytes", s.maxBodyBytes());
        return o;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private ObjectNode profile(UserProfile u) {
        ObjectNode o = NODES.objectNode();
        o.put("name", u.name());
        number(o, "weight", u.weight(), "the weight of profile '" + u.name() + "'");
        if (u.fixedCount() != null) {
            o.put("fixedCount", u.fixedCount());
        }
        o.set("thinkTime", thinkTime(u.thinkTime()));
        putIfSet(o, "startFlow", u.startFlow());
        if (u.startFlow() != null || u.startProbability() != 0) {
            number(o, "startProbability", u.startProbability(), "the start probability of '" + u.name() + "'");
        }
        o.put("mainFlow", u.mainFlow());
        putIfSet(o, "stopFlow", u.stopFlow());
        if (!u.data().isEmpty()) {
            ArrayNode a = o.putArray("data");
            for (DataBinding b : u.data()) {
                ObjectNode n = a.addObject();
                n.put("source", b.source());
                n.put("when", Members.label(b.when()));
                inline.add(n);
            }
        }
        return o;
    }

    private ObjectNode thinkTime(ThinkTime t) {
        ObjectNode o = NODES.objectNode();
        switch (t) {
            case ThinkTime.Constant c -> {
                o.put("type", "constant");
                o.put("pause", text(c.pause()));
            }
            case ThinkTime.Between b -> {
                o.put("type", "between");
                o.put("min", text(b.min()));
                o.put("max", text(b.max()));
            }
            case ThinkTime.Pacing p -> {
                o.put("type", "pacing");
                o.put("interval", text(p.interval()));
            }
            case ThinkTime.Throughput r -> {
                o.put("type", "throughput");
                number(o, "iterationsPerSecond", r.iterationsPerSecond(), "a think time's iterations per second");
            }
        }
        inline.add(o);
        return o;
    }

    private ObjectNode flow(Flow f) {
        ObjectNode o = NODES.objectNode();
        o.put("id", f.id());
        o.put("name", f.name());
        ArrayNode steps = o.putArray("steps");
        f.steps().forEach(s -> steps.add(step(s)));
        ArrayNode edges = o.putArray("edges");
        for (Edge e : f.edges()) {
            ObjectNode n = edges.addObject();
            n.put("from", e.from());
            n.put("to", e.to());
            number(n, "weight", e.weight(), "the weight of edge " + e.from() + " -> " + e.to());
            if (e.condition() != null) {
                ObjectNode c = n.putObject("condition");
                c.put("variable", e.condition().variable());
                c.put("op", Members.label(e.condition().op()));
                putIfSet(c, "value", e.condition().value());
                inline.add(c);
            }
            inline.add(n);
        }
        return o;
    }

    private ObjectNode step(Step step) {
        ObjectNode o = NODES.objectNode();
        o.put("id", step.id());
        switch (step) {
            case Step.Request r -> {
                o.put("type", "request");
                putIfSet(o, "name", r.name());
                o.put("method", r.method());
                o.put("url", r.url());
                if (!r.query().isEmpty()) {
                    o.set("query", pairs(r.query()));
                }
                if (!r.headers().isEmpty()) {
                    o.set("headers", pairs(r.headers()));
                }
                if (!(r.body() instanceof Body.None)) {
                    o.set("body", body(r.body()));
                }
                if (!r.extractors().isEmpty()) {
                    ArrayNode a = o.putArray("extractors");
                    r.extractors().forEach(e -> a.add(extractor(e)));
                }
                if (!r.checks().isEmpty()) {
                    ArrayNode a = o.putArray("checks");
                    r.checks().forEach(c -> a.add(check(c)));
                }
            }
            case Step.Pause p -> {
                o.put("type", "pause");
                o.put("min", text(p.min()));
                o.put("max", text(p.max()));
            }
            case Step.Group g -> {
                o.put("type", "group");
                o.put("name", g.name());
                ArrayNode a = o.putArray("steps");
                g.steps().forEach(s -> a.add(step(s)));
            }
        }
        ObjectNode position = o.putObject("position");
        number(position, "x", step.position().x(), "the position of step '" + step.id() + "'");
        number(position, "y", step.position().y(), "the position of step '" + step.id() + "'");
        inline.add(position);
        return o;
    }

    private ObjectNode body(Body body) {
        ObjectNode o = NODES.objectNode();
        switch (body) {
            case Body.None n -> o.put("type", "none");
            case Body.Text t -> {
                o.put("type", "text");
                o.put("contentType", t.contentType());
                o.put("text", t.text());
            }
            case Body.Form f -> {
                o.put("type", "form");
                o.set("fields", pairs(f.fields()));
            }
            case Body.Json j -> {
                o.put("type", "json");
                o.put("json", j.json());
            }
            case Body.File f -> {
                o.put("type", "file");
                o.put("path", f.path());
                o.put("contentType", f.contentType());
            }
        }
        return o;
    }

    private ObjectNode extractor(Extractor e) {
        ObjectNode o = NODES.objectNode();
        o.put("variable", e.variable());
        o.put("kind", Members.label(e.kind()));
        o.put("expression", e.expression());
        putIfSet(o, "defaultValue", e.defaultValue());
        inline.add(o);
        return o;
    }

    private ObjectNode check(Check check) {
        ObjectNode o = NODES.objectNode();
        switch (check) {
            case Check.Status s -> {
                o.put("type", "status");
                ArrayNode a = o.putArray("codes");
                s.codes().forEach(a::add);
            }
            case Check.BodyContains b -> {
                o.put("type", "body_contains");
                o.put("text", b.text());
            }
            case Check.BodyMatches b -> {
                o.put("type", "body_matches");
                o.put("regex", b.regex());
            }
            case Check.JsonValue j -> {
                o.put("type", "json_value");
                o.put("path", j.path());
                o.put("expected", j.expected());
            }
            case Check.MaxDuration m -> {
                o.put("type", "max_duration");
                o.put("max", text(m.max()));
            }
        }
        inline.add(o);
        return o;
    }

    private ObjectNode plan(LoadPlan plan) {
        ObjectNode o = NODES.objectNode();
        switch (plan) {
            case LoadPlan.Closed c -> {
                o.put("type", "closed");
                o.put("users", c.users());
                number(o, "spawnRate", c.spawnRate(), "the spawn rate");
                if (!c.stages().isEmpty()) {
                    ArrayNode a = o.putArray("stages");
                    for (LoadPlan.Stage s : c.stages()) {
                        ObjectNode n = a.addObject();
                        n.put("duration", text(s.duration()));
                        n.put("target", s.target());
                        if (s.rate() != null) {
                            number(n, "rate", s.rate(), "a stage's rate");
                        }
                        inline.add(n);
                    }
                }
            }
            case LoadPlan.Open op -> {
                o.put("type", "open");
                number(o, "startRate", op.startRate(), "the start rate");
                if (!op.stages().isEmpty()) {
                    ArrayNode a = o.putArray("stages");
                    for (LoadPlan.RateStage s : op.stages()) {
                        ObjectNode n = a.addObject();
                        n.put("duration", text(s.duration()));
                        number(n, "target", s.target(), "a stage's target rate");
                        inline.add(n);
                    }
                }
                o.put("maxConcurrentUsers", op.maxConcurrentUsers());
            }
            case LoadPlan.Capacity k -> {
                o.put("type", "capacity");
                o.put("model", Members.label(k.model()));
                number(o, "start", k.start(), "the first step's load");
                number(o, "step", k.step(), "the step");
                o.put("stepMode", Members.label(k.stepMode()));
                o.put("hold", text(k.hold()));
                number(o, "upperBound", k.upperBound(), "the upper bound");
                o.put("refinements", k.refinements());
                number(o, "spawnRate", k.spawnRate(), "the spawn rate");
                o.put("maxConcurrentUsers", k.maxConcurrentUsers());
                o.put("gracefulStop", text(k.gracefulStop()));
                return o;
            }
        }
        o.put("duration", text(plan.duration()));
        o.put("gracefulStop", text(plan.gracefulStop()));
        return o;
    }
}
