package dev.throng.engine.project;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A condition a response must meet. Without a {@link Status} check, a status of 400 or more fails the request.
 */
public sealed interface Check {

    /** The status is one of {@code codes}. */
    record Status(List<Integer> codes) implements Check {
        public Status {
            codes = List.copyOf(codes);
        }
    }

    /** The body contains {@code text}. */
    record BodyContains(String text) implements Check {
        public BodyContains {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Some part of the body matches the regular expression. */
    record BodyMatches(String regex) implements Check {
        public BodyMatches {
            Objects.requireNonNull(regex, "regex");
        }
    }

    /** The value at a JSONPath equals {@code expected} (compared as text; a template). */
    record JsonValue(String path, String expected) implements Check {
        public JsonValue {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** The request took at most {@code max}. */
    record MaxDuration(Duration max) implements Check {
        public MaxDuration {
            Objects.requireNonNull(max, "max");
        }
    }
}
