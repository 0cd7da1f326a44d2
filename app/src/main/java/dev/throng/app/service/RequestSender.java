package dev.throng.app.service;

import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Sends one request of a project once, as one user would ("Send once"). Blocking; thread-safe. */
public interface RequestSender {

    /**
     * What came back.
     *
     * @param url the URL sent to, after templating
     * @param status the HTTP status, or 0 when no response came
     * @param headers the response headers
     * @param body the response body as text (pretty-printed when it is JSON)
     * @param timingsMs named timings in ms (e.g. "total")
     * @param extracted values the extractors took, by variable
     * @param failure why it failed (a failed check, no connection...), or {@code null}
     */
    record Exchange(
            String url,
            int status,
            List<Header> headers,
            String body,
            Map<String, Double> timingsMs,
            Map<String, String> extracted,
            String failure) {
        public Exchange {
            headers = List.copyOf(headers);
            timingsMs = Map.copyOf(timingsMs);
            extracted = Map.copyOf(extracted);
        }
    }

    Exchange send(Project project, Path projectDirectory, Step.Request request) throws Exception;
}
