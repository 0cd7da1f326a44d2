package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Check;
import dev.throng.engine.project.Condition;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Problem;
import dev.throng.engine.project.Step;
import java.time.Duration;
import java.util.List;

/** Binds flows, steps, bodies, extractors, checks and edges. Package-private; confined to one read. */
final class FlowBinder {

    static final List<String> STEP_TYPES = List.of("request", "pause", "group");
    static final List<String> BODY_TYPES = List.of("none", "text", "form", "json", "file");
    static final List<String> CHECK_TYPES =
            List.of("status", "body_contains", "body_matches", "json_value", "max_duration");

    private final List<Problem> problems;

    FlowBinder(List<Problem> problems) {
        this.problems = problems;
    }

    Flow flow(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.FLOW, "a flow");
        if (m == null) {
            return null;
        }
        String id = m.string("id", "");
        return new Flow(id, m.string("name", id), m.list("steps", this::step), m.list("edges", this::edge));
    }

    private Step step(JsonNode node, String path) {
        String type = Members.discriminator(problems, node, path, "type", "step", STEP_TYPES);
        if (type == null) {
            // keep a stand-in with the same id so edges to it are not reported as well
            JsonNode id = node.isObject() ? node.get("id") : null;
            return id != null && id.isTextual() ? new Step.Pause(id.asText(), Duration.ZERO, null, null) : null;
        }
        return switch (type) {
            case "request" -> request(Members.of(problems, node, path, Shapes.REQUEST, "a request"));
            case "pause" -> {
                Members m = Members.of(problems, node, path, Shapes.PAUSE, "a pause");
                Duration min = m.duration("min", Duration.ZERO);
                yield new Step.Pause(m.string("id", ""), min, m.duration("max", min), position(m));
            }
            default -> {
                Members m = Members.of(problems, node, path, Shapes.GROUP, "a group");
                yield new Step.Group(
                        m.string("id", ""), m.string("name", ""), m.list("steps", this::step), position(m));
            }
        };
    }

    private Position position(Members m) {
        if (!m.has("position")) {
            return Position.ORIGIN;
        }
        Members p = Members.of(problems, m.get("position"), m.path("position"), Shapes.POSITION, "a position");
        return p == null ? Position.ORIGIN : new Position(p.number("x", 0), p.number("y", 0));
    }

    private Step.Request request(Members m) {
        return new Step.Request(
                m.string("id", ""),
                m.string("name", null),
                m.string("method", "GET"),
                m.string("url", ""),
                headers(m, "query", "a query parameter"),
                headers(m, "headers", "a header"),
                m.has("body") ? body(m.get("body"), m.path("body")) : Body.NONE,
                m.list("extractors", this::extractor),
                m.list("checks", this::check),
                position(m));
    }

    private List<Header> headers(Members m, String field, String what) {
        return m.list(field, (n, at) -> {
            Members h = Members.of(problems, n, at, Shapes.NAME_VALUE, what);
            return h == null ? null : new Header(h.string("name", ""), h.string("value", ""));
        });
    }

    private Body body(JsonNode node, String path) {
        String type = Members.discriminator(problems, node, path, "type", "body", BODY_TYPES);
        if (type == null) {
            return Body.NONE;
        }
        return switch (type) {
            case "none" -> {
                Members.of(problems, node, path, Shapes.BODY_NONE, "an empty body");
                yield Body.NONE;
            }
            case "text" -> {
                Members m = Members.of(problems, node, path, Shapes.BODY_TEXT, "a text body");
                yield new Body.Text(m.string("contentType", "text/plain"), m.string("text", ""));
            }
            case "form" -> {
                Members m = Members.of(problems, node, path, Shapes.BODY_FORM, "a form body");
                yield new Body.Form(headers(m, "fields", "a form field"));
            }
            case "json" -> {
                Members m = Members.of(problems, node, path, Shapes.BODY_JSON, "a JSON body");
                yield new Body.Json(m.string("json", ""));
            }
            default -> {
                Members m = Members.of(problems, node, path, Shapes.BODY_FILE, "a file body");
                yield new Body.File(m.string("path", ""), m.string("contentType", "application/octet-stream"));
            }
        };
    }

    private Extractor extractor(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.EXTRACTOR, "an extractor");
        if (m == null) {
            return null;
        }
        return new Extractor(
                m.string("variable", ""),
                m.enumValue("kind", Extractor.Kind.values(), Extractor.Kind.JSONPATH),
                m.string("expression", ""),
                m.string("defaultValue", null));
    }

    private Check check(JsonNode node, String path) {
        String type = Members.discriminator(problems, node, path, "type", "check", CHECK_TYPES);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "status" -> {
                Members m = Members.of(problems, node, path, Shapes.CHECK_STATUS, "a status check");
                yield new Check.Status(m.integers("codes"));
            }
            case "body_contains" -> {
                Members m = Members.of(problems, node, path, Shapes.CHECK_BODY_CONTAINS, "a body check");
                yield new Check.BodyContains(m.string("text", ""));
            }
            case "body_matches" -> {
                Members m = Members.of(problems, node, path, Shapes.CHECK_BODY_MATCHES, "a body check");
                yield new Check.BodyMatches(m.string("regex", ""));
            }
            case "json_value" -> {
                Members m = Members.of(problems, node, path, Shapes.CHECK_JSON_VALUE, "a JSON value check");
                yield new Check.JsonValue(m.string("path", "$"), m.string("expected", ""));
            }
            default -> {
                Members m = Members.of(problems, node, path, Shapes.CHECK_MAX_DURATION, "a duration check");
                yield new Check.MaxDuration(m.duration("max", Duration.ofSeconds(1)));
            }
        };
    }

    private Edge edge(JsonNode node, String path) {
        Members m = Members.of(problems, node, path, Shapes.EDGE, "an edge");
        if (m == null) {
            return null;
        }
        Condition condition = null;
        if (m.has("condition")) {
            Members c = Members.of(problems, m.get("condition"), m.path("condition"), Shapes.CONDITION, "a condition");
            if (c != null) {
                condition = new Condition(
                        c.string("variable", ""),
                        c.enumValue("op", Condition.Op.values(), Condition.Op.IS_SET),
                        c.string("value", null));
            }
        }
        return new Edge(m.string("from", ""), m.string("to", ""), m.number("weight", 1), condition);
    }
}
