package dev.throng.engine.user;

import dev.throng.engine.user.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The verdict on one response: failure (kind and message), check outcomes and extracted values. A transport failure
 * keeps its kind; without a status check a status of 400 or more fails as {@code http-status} ("HTTP 404 Not
 * Found"); the first failed check fails the request as {@code check}; an extractor that finds nothing and has no
 * default fails it as {@code extractor}. Computed on the user's thread; immutable once made.
 *
 * @param failureKind {@code null} when the request passed
 * @param failureMessage {@code null} when the request passed
 * @param checks every check's outcome, in order (empty when there was no response)
 * @param extracted variable name to extracted value
 */
record ResponseEvaluation(
        String failureKind, String failureMessage, List<Exchange.CheckResult> checks, Map<String, String> extracted) {

    static final String HTTP_STATUS = "http-status";
    static final String CHECK = "check";
    static final String EXTRACTOR = "extractor";

    /** What a request without checks or extractors that passed evaluates to (the usual case, made once). */
    private static final ResponseEvaluation PASSED = new ResponseEvaluation(null, null, List.of(), Map.of());

    /**
     * Evaluates {@code reply} to {@code request}.
     *
     * @param latencyMicros the measured response time, µs
     * @param context the user's template context (for expected values)
     * @param cookies the user's transport, for its cookies by name
     */
    static ResponseEvaluation of(
            PreparedRequest request,
            Transport.Reply reply,
            long latencyMicros,
            TemplateContext context,
            Transport cookies) {
        if (reply.failureKind() != null) {
            return new ResponseEvaluation(
                    reply.failureKind(),
                    reply.failureMessage() == null ? reply.failureKind() : reply.failureMessage(),
                    List.of(),
                    Map.of());
        }
        String kind = null;
        String message = null;
        if (!request.hasStatusCheck && reply.status() >= 400) {
            kind = HTTP_STATUS;
            message = ("HTTP " + reply.status() + " " + reply.reason()).strip();
        }
        if (request.checks.isEmpty() && request.extractors.isEmpty()) {
            return kind == null ? PASSED : new ResponseEvaluation(kind, message, List.of(), Map.of());
        }
        var lazy = new LazyBody(reply);
        var results = new ArrayList<Exchange.CheckResult>();
        for (PreparedRequest.PreparedCheck check : request.checks) {
            var result = check(check, reply, latencyMicros, context, lazy);
            results.add(result);
            if (!result.passed() && kind == null) {
                kind = CHECK;
                message = result.message();
            }
        }
        var extracted = new LinkedHashMap<String, String>();
        for (PreparedRequest.PreparedExtractor pe : request.extractors) {
            String value = extract(pe, reply, lazy, cookies, context);
            if (value == null) {
                value = pe.extractor().defaultValue();
            }
            if (value == null) {
                if (kind == null) {
                    kind = EXTRACTOR;
                    message = "extractor of '" + pe.extractor().variable() + "' found nothing for "
                            + pe.extractor().kind().name().toLowerCase(java.util.Locale.ROOT) + " '"
                            + pe.extractor().expression() + "'";
                }
            } else {
                extracted.put(pe.extractor().variable(), value);
            }
        }
        return new ResponseEvaluation(kind, message, results, extracted);
    }

    /** The body decoded once, and parsed as JSON once, on demand. */
    private static final class LazyBody {
        private final Transport.Reply reply;
        private String text;
        private Object json;
        private String jsonError;

        LazyBody(Transport.Reply reply) {
            this.reply = reply;
        }

        String text() {
            if (text == null) {
                text = PreparedRequest.bodyText(reply);
            }
            return text;
        }

        /** The parsed body, or {@code null} with {@link #jsonError} set. */
        Object json() {
            if (json == null && jsonError == null) {
                try {
                    json = Json.parse(text());
                } catch (Json.JsonException e) {
                    jsonError = "the body is " + e.getMessage();
                }
            }
            return json;
        }
    }

    private static Exchange.CheckResult check(
            PreparedRequest.PreparedCheck check,
            Transport.Reply reply,
            long latencyMicros,
            TemplateContext context,
            LazyBody body) {
        return switch (check) {
            case PreparedRequest.StatusCheck s -> {
                String d = "status is " + s.text();
                yield s.codes().contains(reply.status())
                        ? pass(d)
                        : fail(d, "expected status " + s.text() + ", got " + reply.status());
            }
            case PreparedRequest.ContainsCheck c -> {
                String d = "body contains '" + c.text() + "'";
                yield body.text().contains(c.text())
                        ? pass(d)
                        : fail(d, "the body does not contain '" + c.text() + "'");
            }
            case PreparedRequest.MatchesCheck m -> {
                String d = "body matches /" + m.pattern().pattern() + "/";
                yield m.pattern().matcher(body.text()).find()
                        ? pass(d)
                        : fail(d, "the body does not match /" + m.pattern().pattern() + "/");
            }
            case PreparedRequest.JsonCheck j -> {
                String expected;
                try {
                    expected = j.expected().render(context);
                } catch (TemplateException e) {
                    yield fail("JSON " + j.path() + " equals '" + j.expected() + "'", e.getMessage());
                }
                String d = "JSON " + j.path() + " equals '" + expected + "'";
                Object doc = body.json();
                if (doc == null) {
                    yield fail(d, body.jsonError);
                }
                var found = j.path().select(doc);
                if (found.isEmpty()) {
                    yield fail(d, "nothing at " + j.path() + " in the body");
                }
                String actual = Json.text(found.getFirst());
                yield actual.equals(expected)
                        ? pass(d)
                        : fail(d, j.path() + " is '" + actual + "', expected '" + expected + "'");
            }
            case PreparedRequest.DurationCheck dc -> {
                String d = "takes at most " + dc.maxMicros() / 1000 + " ms";
                yield latencyMicros <= dc.maxMicros()
                        ? pass(d)
                        : fail(d, "took " + latencyMicros / 1000 + " ms, more than " + dc.maxMicros() / 1000 + " ms");
            }
        };
    }

    private static String extract(
            PreparedRequest.PreparedExtractor pe,
            Transport.Reply reply,
            LazyBody body,
            Transport cookies,
            TemplateContext context) {
        return switch (pe.extractor().kind()) {
            case JSONPATH -> {
                Object doc = body.json();
                if (doc == null) {
                    yield null;
                }
                var found = pe.path().select(doc);
                if (found.isEmpty()) {
                    yield null;
                }
                // a wildcard path picks one of its matches at random; a definite path has at most one
                Object pick = pe.path().isWildcard() && found.size() > 1
                        ? found.get(context.random().nextInt(found.size()))
                        : found.getFirst();
                yield pick == Json.NULL ? null : Json.text(pick);
            }
            case REGEX -> {
                Matcher m = pe.pattern().matcher(body.text());
                if (!m.find()) {
                    yield null;
                }
                yield m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
            case HEADER -> reply.header(pe.extractor().expression()).orElse(null);
            case COOKIE ->
                cookies.cookie(pe.extractor().expression())
                        .or(() -> setCookie(reply, pe.extractor().expression()))
                        .orElse(null);
        };
    }

    /** The value of cookie {@code name} in the response's Set-Cookie headers. */
    private static Optional<String> setCookie(Transport.Reply reply, String name) {
        for (var h : reply.headers()) {
            if (h.name().equalsIgnoreCase("Set-Cookie")) {
                String first = h.value().split(";", 2)[0];
                int eq = first.indexOf('=');
                if (eq > 0 && first.substring(0, eq).strip().equals(name)) {
                    return Optional.of(first.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    private static Exchange.CheckResult pass(String description) {
        return new Exchange.CheckResult(description, true, "");
    }

    private static Exchange.CheckResult fail(String description, String message) {
        return new Exchange.CheckResult(description, false, message);
    }
}
