package dev.throng.engine.project;

import java.util.List;
import java.util.Objects;

/** The body of a request. Text parts are templates. */
public sealed interface Body {
    Body NONE = new None();

    /** No body. */
    record None() implements Body {}

    /** Text sent as is after templating, with its content type (e.g. {@code text/plain}). */
    record Text(String contentType, String text) implements Body {
        public Text {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code application/x-www-form-urlencoded} fields. */
    record Form(List<Header> fields) implements Body {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    /** JSON text ({@code application/json}); templated before sending. */
    record Json(String json) implements Body {
        public Json {
            Objects.requireNonNull(json, "json");
        }
    }

    /** The bytes of a file (path relative to the project file), not templated. */
    record File(String path, String contentType) implements Body {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(contentType, "contentType");
        }
    }
}
