package dev.throng.engine.project;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A node of a flow: a request, a pause or a group of steps timed as one transaction. */
public sealed interface Step {
    /** Unique within the flow; never {@link Flow#START} or {@link Flow#END}. */
    String id();

    /** Where the designer draws it. */
    Position position();

    /** This step moved to {@code value}. */
    Step withPosition(Position value);

    /**
     * An HTTP request.
     *
     * @param id the step id
     * @param name the statistics row name; {@code null} means the URL template, so {@code /product/${id}} is one row
     * @param method GET, POST, ...
     * @param url a template, absolute or relative to the base URL
     * @param query query parameters (templates), appended to the URL
     * @param headers headers (templates)
     * @param body the request body
     * @param extractors values taken from the response into variables
     * @param checks conditions the response must meet; a failed check fails the request with its message
     * @param position where the designer draws it
     */
    record Request(
            String id,
            String name,
            String method,
            String url,
            List<Header> query,
            List<Header> headers,
            Body body,
            List<Extractor> extractors,
            List<Check> checks,
            Position position)
            implements Step {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            query = List.copyOf(query);
            headers = List.copyOf(headers);
            body = body == null ? Body.NONE : body;
            extractors = List.copyOf(extractors);
            checks = List.copyOf(checks);
            position = position == null ? Position.ORIGIN : position;
        }

        /** A bare request with no headers, body, extractors or checks. */
        public static Request of(String id, String method, String url) {
            return new Request(id, null, method, url, List.of(), List.of(), Body.NONE, List.of(), List.of(), null);
        }

        /** The statistics row name: the explicit name, or the URL template. */
        public String displayName() {
            return name != null && !name.isBlank() ? name : url;
        }

        @Override
        public Request withPosition(Position value) {
            return new Request(id, name, method, url, query, headers, body, extractors, checks, value);
        }

        public Request withName(String value) {
            return new Request(id, value, method, url, query, headers, body, extractors, checks, position);
        }

        public Request withMethod(String value) {
            return new Request(id, name, value, url, query, headers, body, extractors, checks, position);
        }

        public Request withUrl(String value) {
            return new Request(id, name, method, value, query, headers, body, extractors, checks, position);
        }

        public Request withQuery(List<Header> value) {
            return new Request(id, name, method, url, value, headers, body, extractors, checks, position);
        }

        public Request withHeaders(List<Header> value) {
            return new Request(id, name, method, url, query, value, body, extractors, checks, position);
        }

        public Request withBody(Body value) {
            return new Request(id, name, method, url, query, headers, value, extractors, checks, position);
        }

        public Request withExtractors(List<Extractor> value) {
            return new Request(id, name, method, url, query, headers, body, value, checks, position);
        }

        public Request withChecks(List<Check> value) {
            return new Request(id, name, method, url, query, headers, body, extractors, value, position);
        }
    }

    /**
     * A wait inside a flow, uniformly random in {@code [min, max]} (equal for a fixed pause).
     */
    record Pause(String id, Duration min, Duration max, Position position) implements Step {
        public Pause {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(min, "min");
            max = max == null ? min : max;
            position = position == null ? Position.ORIGIN : position;
        }

        @Override
        public Pause withPosition(Position value) {
            return new Pause(id, min, max, value);
        }
    }

    /**
     * A transaction: its steps run in order and the whole is timed as its own statistics row named {@code name}.
     */
    record Group(String id, String name, List<Step> steps, Position position) implements Step {
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            steps = List.copyOf(steps);
            position = position == null ? Position.ORIGIN : position;
        }

        @Override
        public Group withPosition(Position value) {
            return new Group(id, name, steps, value);
        }
    }
}
