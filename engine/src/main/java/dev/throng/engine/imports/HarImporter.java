package dev.throng.engine.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Edge;
import dev.throng.engine.project.Flow;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Position;
import dev.throng.engine.project.Step;
import dev.throng.engine.project.Variable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a browser HAR recording (HTTP Archive 1.2) into a flow: one request step per recorded entry, in recorded
 * order, joined {@code START → first → ... → last → END}.
 *
 * <ul>
 *   <li>Headers are kept except HTTP/2 pseudo-headers, hop-by-hop headers, {@code Host}, {@code Content-Length},
 *       {@code Accept-Encoding} and cookies (users keep their own cookie jar).
 *   <li>Static assets (images, stylesheets, scripts, fonts, media; by MIME type or extension) are left out unless
 *       {@link Options#keepStaticAssets}.
 *   <li>A gap between the end of one entry and the start of the next longer than {@link Options#pauseThreshold}
 *       becomes a pause step of that length (rounded to ms).
 *   <li>Path segments that are obviously ids (numbers, UUIDs, long hex) become variables such as
 *       {@code ${productId}}; each distinct value gets its own variable (with the recorded value) and the request is
 *       named by the template, so all of them are one statistics row.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class HarImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DROPPED_HEADERS = Set.of(
            "host",
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "content-length",
            "cookie",
            "accept-encoding");
    private static final Set<String> STATIC_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "avif", "css", "js", "mjs", "map", "woff",
            "woff2", "ttf", "otf", "eot", "mp4", "webm", "mp3", "ogg", "wav");

    private HarImporter() {}

    /**
     * What to import.
     *
     * @param flowId the id of the flow made
     * @param keepStaticAssets keep images, stylesheets, scripts and fonts
     * @param pauseThreshold recorded gaps longer than this become pause steps; {@code null} for no pauses
     * @param templateIds turn id-like path segments into variables
     */
    public record Options(String flowId, boolean keepStaticAssets, Duration pauseThreshold, boolean templateIds) {
        public Options {
            Objects.requireNonNull(flowId, "flowId");
        }

        /** Flow {@code recorded}, no static assets, pauses above one second, ids templated. */
        public static Options defaults() {
            return new Options("recorded", false, Duration.ofSeconds(1), true);
        }

        public Options withFlowId(String value) {
            return new Options(value, keepStaticAssets, pauseThreshold, templateIds);
        }

        public Options withKeepStaticAssets(boolean value) {
            return new Options(flowId, value, pauseThreshold, templateIds);
        }
    }

    /**
     * All an import produced.
     *
     * @param flow the flow
     * @param variables the variables the templated URLs use, with their recorded values
     * @param baseUrl the origin (scheme, host and port) most entries used; empty when there were none
     * @param skipped how many entries were left out as static assets
     */
    public record Result(Flow flow, List<Variable> variables, String baseUrl, int skipped) {
        public Result {
            variables = List.copyOf(variables);
        }
    }

    /** The flow of {@link #importHar}. */
    public static Flow importFlow(Path har, Options options) {
        return importHar(har, options).flow();
    }

    /**
     * Imports a HAR file.
     *
     * @throws ImportException when the file cannot be read or is not a HAR recording; the message names the file
     */
    public static Result importHar(Path har, Options options) {
        String text;
        try {
            text = Files.readString(har);
        } catch (NoSuchFileException e) {
            throw new ImportException(har + ": no such file");
        } catch (IOException e) {
            throw new ImportException(har + ": cannot be read (" + e.getMessage() + ")", e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ImportException(
                    har + ": not JSON (line " + e.getLocation().getLineNr()
                            + "); export the recording again as HAR from the browser's network panel",
                    e);
        }
        JsonNode entries = root == null ? null : root.path("log").get("entries");
        if (entries == null || !entries.isArray()) {
            throw new ImportException(har + ": not a HAR recording ($.log.entries is missing)");
        }
        return new Conversion(har, options).convert(entries);
    }

    /** The state of one import. */
    private static final class Conversion {
        private final Path har;
        private final Options options;
        private final List<Step> steps = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Map<String, String> variableByValue = new HashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, Integer> origins = new LinkedHashMap<>();
        private int skipped;

        Conversion(Path har, Options options) {
            this.har = har;
            this.options = options;
        }

        Result convert(JsonNode entries) {
            OffsetDateTime previousEnd = null;
            int index = 0;
            for (JsonNode entry : entries) {
                String where = "$.log.entries[" + index++ + "]";
                JsonNode request = entry.get("request");
                if (request == null || !request.hasNonNull("url") || !request.hasNonNull("method")) {
                    throw new ImportException(har + ": " + where + " has no request with a method and a URL");
                }
                String url = request.get("url").asText();
                OffsetDateTime started = time(entry, where);
                if (!options.keepStaticAssets() && isStatic(url, entry)) {
                    skipped++;
                    previousEnd = later(previousEnd, started, entry);
                    continue;
                }
                if (previousEnd != null && started != null && options.pauseThreshold() != null) {
                    Duration gap = Duration.between(previousEnd, started);
                    if (gap.compareTo(options.pauseThreshold()) > 0) {
                        Duration pause = Duration.ofMillis(gap.toMillis());
                        String id = StepIds.unique("pause", ids);
                        ids.add(id);
                        steps.add(new Step.Pause(id, pause, pause, position()));
                    }
                }
                previousEnd = later(previousEnd, started, entry);
                steps.add(request(request, url));
            }
            String base = origins.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("");
            var edges = new ArrayList<Edge>();
            String from = Flow.START;
            for (Step s : steps) {
                edges.add(Edge.of(from, s.id(), 1));
                from = s.id();
            }
            edges.add(Edge.of(from, Flow.END, 1));
            var vars = new ArrayList<Variable>();
            variables.forEach((name, value) -> vars.add(new Variable(name, value)));
            String name = har.getFileName() == null
                    ? options.flowId()
                    : har.getFileName().toString();
            return new Result(new Flow(options.flowId(), name, steps, edges), vars, base, skipped);
        }

        /** The later of {@code previousEnd} and the end of {@code entry} (its start plus its time in ms). */
        private static OffsetDateTime later(OffsetDateTime previousEnd, OffsetDateTime started, JsonNode entry) {
            if (started == null) {
                return previousEnd;
            }
            long took = Math.max(0, Math.round(entry.path("time").asDouble(0)));
            OffsetDateTime end = started.plusNanos(took * 1_000_000L);
            return previousEnd == null || end.isAfter(previousEnd) ? end : previousEnd;
        }

        private Position position() {
            return new Position(80, 120 + 100 * steps.size());
        }

        private Step.Request request(JsonNode request, String rawUrl) {
            String method = request.get("method").asText().toUpperCase(Locale.ROOT);
            URI uri;
            try {
                uri = URI.create(rawUrl);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            String url = rawUrl;
            String templateName = null;
            if (uri != null && uri.getScheme() != null && uri.getRawAuthority() != null) {
                String origin = uri.getScheme() + "://" + uri.getRawAuthority();
                origins.merge(origin, 1, Integer::sum);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                if (options.templateIds()) {
                    var templated = templatePath(path);
                    path = templated[0];
                    templateName = templated[1];
                }
                url = origin + path + query;
            }
            var headers = new ArrayList<Header>();
            String contentType = null;
            for (JsonNode h : request.path("headers")) {
                String name = h.path("name").asText("");
                String value = h.path("value").asText("");
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.isEmpty() || name.startsWith(":") || DROPPED_HEADERS.contains(lower)) {
                    continue;
                }
                if (lower.equals("content-type")) {
                    contentType = value;
                }
                headers.add(new Header(name, value));
            }
            Body body = Body.NONE;
            JsonNode post = request.get("postData");
            if (post != null && !post.isNull()) {
                String mime = post.path("mimeType").asText(contentType == null ? "" : contentType);
                String lower = mime.toLowerCase(Locale.ROOT);
                JsonNode params = post.get("params");
                if (lower.startsWith("application/x-www-form-urlencoded")
                        && params != null
                        && params.isArray()
                        && !params.isEmpty()) {
                    var fields = new ArrayList<Header>();
                    for (JsonNode p : params) {
                        fields.add(new Header(
                                p.path("name").asText(""), p.path("value").asText("")));
                    }
                    body = new Body.Form(fields);
                    headers.removeIf(h -> h.name().equalsIgnoreCase("content-type"));
                } else if (post.hasNonNull("text")) {
                    String text = post.get("text").asText();
                    if (lower.contains("json")) {
                        body = new Body.Json(text);
                    } else {
                        body = new Body.Text(mime.isEmpty() ? "text/plain" : mime, text);
                    }
                }
            }
            String id = StepIds.forRequest(method, url, ids);
            ids.add(id);
            return Step.Request.of(id, method, url)
                    .withName(templateName == null ? null : method + " " + templateName)
                    .withHeaders(headers)
                    .withBody(body)
                    .withPosition(position());
        }

        /** {templated path, name template or null when nothing was templated}. */
        private String[] templatePath(String path) {
            String[] segments = path.split("/", -1);
            boolean changed = false;
            var url = new StringBuilder();
            var name = new StringBuilder();
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (i > 0) {
                    url.append('/');
                    name.append('/');
                }
                if (!s.isEmpty() && PathTemplates.isDynamic(s)) {
                    String base = PathTemplates.variableName(i > 0 ? segments[i - 1] : null);
                    String variable = variableByValue.computeIfAbsent(base + "\u0000" + s, k -> {
                        String candidate = base;
                        for (int n = 2; variables.containsKey(candidate); n++) {
                            candidate = base + n;
                        }
                        variables.put(candidate, s);
                        return candidate;
                    });
                    url.append("${").append(variable).append('}');
                    name.append("${").append(base).append('}');
                    changed = true;
                } else {
                    url.append(s);
                    name.append(s);
                }
            }
            return new String[] {url.toString(), changed ? name.toString() : null};
        }

        private boolean isStatic(String url, JsonNode entry) {
            String mime =
                    entry.path("response").path("content").path("mimeType").asText("");
            String lower = mime.toLowerCase(Locale.ROOT);
            if (lower.startsWith("image/")
                    || lower.startsWith("font/")
                    || lower.startsWith("video/")
                    || lower.startsWith("audio/")
                    || lower.startsWith("text/css")
                    || lower.contains("javascript")
                    || lower.contains("font-")) {
                return true;
            }
            String path = StepIds.pathOf(url);
            int dot = path.lastIndexOf('.');
            return dot > path.lastIndexOf('/')
                    && STATIC_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        }

        private OffsetDateTime time(JsonNode entry, String where) {
            JsonNode t = entry.get("startedDateTime");
            if (t == null || t.isNull()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(t.asText());
            } catch (DateTimeParseException e) {
                throw new ImportException(har + ": " + where + ".startedDateTime '" + t.asText()
                        + "' is not an ISO date-time such as 2024-01-31T10:00:00.000Z");
            }
        }
    }
}
