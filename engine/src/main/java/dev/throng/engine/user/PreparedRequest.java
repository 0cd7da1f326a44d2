package dev.throng.engine.user;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Check;
import dev.throng.engine.project.Extractor;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Step;
import dev.throng.engine.user.internal.Json;
import dev.throng.engine.user.internal.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request step compiled once per run: its templates parsed, its checks' patterns and paths compiled, its file body
 * read. Thread-safe: immutable but for a racy cache of the last parsed URL (each user renders with its own context).
 */
final class PreparedRequest {
    /** The body of a request without one (shared: bodies handed to a transport are never changed). */
    private static final byte[] NO_BYTES = new byte[0];

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._\\-]+)", Pattern.CASE_INSENSITIVE);

    record Pair(Template name, Template value) {}

    sealed interface PreparedBody {}

    record NoBody() implements PreparedBody {}

    record TextBody(String contentType, Template text) implements PreparedBody {}

    record FormBody(List<Pair> fields) implements PreparedBody {}

    record FileBody(String contentType, byte[] bytes) implements PreparedBody {}

    sealed interface PreparedCheck {}

    record StatusCheck(Set<Integer> codes, String text) implements PreparedCheck {}

    record ContainsCheck(String text) implements PreparedCheck {}

    record MatchesCheck(Pattern pattern) implements PreparedCheck {}

    record JsonCheck(JsonPath path, Template expected) implements PreparedCheck {}

    record DurationCheck(long maxMicros) implements PreparedCheck {}

    record PreparedExtractor(Extractor extractor, JsonPath path, Pattern pattern) {}

    final String flowId;
    final Step.Request step;
    final String name;
    final String method;
    final Template url;
    final List<Pair> query;
    final List<Pair> headers;
    final PreparedBody body;
    final List<PreparedCheck> checks;
    final boolean hasStatusCheck;
    final List<PreparedExtractor> extractors;

    /** A rendered URL and its parsed URI. */
    private record ParsedUrl(String text, URI uri) {}

    /**
     * The last URL rendered by any user and its URI: most requests render the same URL again and again, and parsing
     * it each time costs about a microsecond. Racy on purpose: an immutable record (final fields) swapped whole, so a
     * reader sees either an old pair or a new one, both right for their text.
     */
    private ParsedUrl lastUrl;

    /** A relative URL joined to a base URL (strings compared by identity: a constant URL renders as one string). */
    private record JoinedUrl(String base, String relative, String joined) {}

    /** The last join, kept like {@link #lastUrl}: a constant URL on one base is joined once, not per request. */
    private JoinedUrl lastJoin;

    private PreparedRequest(
            String flowId,
            Step.Request step,
            Template url,
            List<Pair> query,
            List<Pair> headers,
            PreparedBody body,
            List<PreparedCheck> checks,
            List<PreparedExtractor> extractors) {
        this.flowId = flowId;
        this.step = step;
        this.name = step.displayName();
        this.method = step.method().strip().toUpperCase(Locale.ROOT);
        this.url = url;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.checks = checks;
        this.hasStatusCheck = checks.stream().anyMatch(c -> c instanceof StatusCheck);
        this.extractors = extractors;
    }

    /**
     * Compiles {@code step} of flow {@code flowId}.
     *
     * @param defaultHeaders the project's default headers (added unless the request sets the same name)
     * @throws IllegalArgumentException naming the flow, the step and what is wrong
     */
    static PreparedRequest prepare(
            String flowId, Step.Request step, List<Header> defaultHeaders, Path projectDirectory) {
        String where = "flow '" + flowId + "', step '" + step.id() + "'";
        try {
            var headers = new ArrayList<Pair>();
            Set<String> own = new HashSet<>();
            for (Header h : step.headers()) {
                own.add(h.name().toLowerCase(Locale.ROOT));
                headers.add(pair(h));
            }
            for (Header h : defaultHeaders) {
                if (!own.contains(h.name().toLowerCase(Locale.ROOT))) {
                    headers.add(pair(h));
                }
            }
            PreparedBody body = switch (step.body()) {
                case Body.None n -> new NoBody();
                case Body.Text t -> new TextBody(t.contentType(), Template.compile(t.text()));
                case Body.Json j -> new TextBody("application/json", Template.compile(j.json()));
                case Body.Form f ->
                    new FormBody(f.fields().stream().map(PreparedRequest::pair).toList());
                case Body.File f -> new FileBody(f.contentType(), readFile(projectDirectory, f.path(), where));
            };
            var checks = new ArrayList<PreparedCheck>();
            for (Check c : step.checks()) {
                checks.add(
                        switch (c) {
                            case Check.Status s -> new StatusCheck(Set.copyOf(s.codes()), statusText(s.codes()));
                            case Check.BodyContains b -> new ContainsCheck(b.text());
                            case Check.BodyMatches m -> new MatchesCheck(Pattern.compile(m.regex()));
                            case Check.JsonValue j ->
                                new JsonCheck(JsonPath.compile(j.path()), Template.compile(j.expected()));
                            case Check.MaxDuration d ->
                                new DurationCheck(d.max().toNanos() / 1000);
                        });
            }
            var extractors = new ArrayList<PreparedExtractor>();
            for (Extractor e : step.extractors()) {
                extractors.add(
                        switch (e.kind()) {
                            case JSONPATH -> new PreparedExtractor(e, JsonPath.compile(e.expression()), null);
                            case REGEX -> new PreparedExtractor(e, null, Pattern.compile(e.expression()));
                            case HEADER, COOKIE -> new PreparedExtractor(e, null, null);
                        });
            }
            return new PreparedRequest(
                    flowId,
                    step,
                    Template.compile(step.url()),
                    step.query().stream().map(PreparedRequest::pair).toList(),
                    headers,
                    body,
                    List.copyOf(checks),
                    List.copyOf(extractors));
        } catch (TemplateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Pair pair(Header h) {
        return new Pair(Template.compile(h.name()), Template.compile(h.value()));
    }

    private static String statusText(List<Integer> codes) {
        var parts = codes.stream().map(String::valueOf).toList();
        return parts.size() == 1 ? parts.getFirst() : String.join(" or ", parts);
    }

    private static byte[] readFile(Path projectDirectory, String path, String where) {
        Path file = projectDirectory.resolve(path);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the body file " + file + " (" + e.getMessage()
                    + "); the path is relative to the project's folder");
        }
    }

    /** All templates of the request (for finding the environment variables a run needs). */
    List<Template> templates() {
        var all = new ArrayList<Template>();
        all.add(url);
        for (Pair p : query) {
            all.add(p.name());
            all.add(p.value());
        }
        for (Pair p : headers) {
            all.add(p.name());
            all.add(p.value());
        }
        switch (body) {
            case TextBody t -> all.add(t.text());
            case FormBody f ->
                f.fields().forEach(p -> {
                    all.add(p.name());
                    all.add(p.value());
                });
            default -> {}
        }
        for (PreparedCheck c : checks) {
            if (c instanceof JsonCheck j) {
                all.add(j.expected());
            }
        }
        return all;
    }

    /**
     * Renders the request for one user.
     *
     * @param baseUrl the base for relative URLs (the {@code --host} override or the project's first base URL)
     * @throws TemplateException when a variable is not set or the URL is not valid
     */
    Transport.Outgoing render(TemplateContext context, String baseUrl) {
        String target = url.render(context).strip();
        if (!hasScheme(target)) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new TemplateException(
                        "the URL '" + target + "' is relative and the project has no base URL (set one or use --host)");
            }
            target = join(baseUrl, target);
        }
        if (!query.isEmpty()) {
            var sb = new StringBuilder(target);
            char sep = target.indexOf('?') >= 0 ? '&' : '?';
            for (Pair p : query) {
                sb.append(sep)
                        .append(encode(p.name().render(context)))
                        .append('=')
                        .append(encode(p.value().render(context)));
                sep = '&';
            }
            target = sb.toString();
        }
        URI uri = parse(target);
        List<Header> sent = headers.isEmpty() ? List.of() : new ArrayList<>(headers.size() + 1);
        boolean hasContentType = false;
        for (Pair p : headers) {
            String headerName = p.name().render(context);
            hasContentType |= headerName.equalsIgnoreCase("content-type");
            sent.add(new Header(headerName, p.value().render(context)));
        }
        byte[] bytes;
        String contentType;
        switch (body) {
            case NoBody n -> {
                bytes = NO_BYTES;
                contentType = null;
            }
            case TextBody t -> {
                bytes = t.text().render(context).getBytes(StandardCharsets.UTF_8);
                contentType = t.contentType();
            }
            case FormBody f -> {
                var sb = new StringBuilder();
                for (Pair p : f.fields()) {
                    if (!sb.isEmpty()) {
                        sb.append('&');
                    }
                    sb.append(encode(p.name().render(context)))
                            .append('=')
                            .append(encode(p.value().render(context)));
                }
                bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                contentType = "application/x-www-form-urlencoded";
            }
            case FileBody fb -> {
                bytes = fb.bytes();
                contentType = fb.contentType();
            }
        }
        if (contentType != null && !contentType.isBlank() && !hasContentType) {
            if (sent.isEmpty()) {
                sent = new ArrayList<>(1);
            }
            sent.add(new Header("Content-Type", contentType));
        }
        return new Transport.Outgoing(method, uri, sent, bytes);
    }

    private String join(String baseUrl, String relative) {
        JoinedUrl last = lastJoin;
        if (last != null && last.base() == baseUrl && last.relative() == relative) {
            return last.joined();
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String joined = base + (relative.startsWith("/") || relative.isEmpty() ? relative : "/" + relative);
        lastJoin = new JoinedUrl(baseUrl, relative, joined);
        return joined;
    }

    private URI parse(String target) {
        ParsedUrl last = lastUrl;
        if (last != null && last.text().equals(target)) {
            return last.uri();
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (java.net.URISyntaxException e) {
            throw new TemplateException("'" + target + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new TemplateException("'" + target + "' has no host");
        }
        lastUrl = new ParsedUrl(target, uri);
        return uri;
    }

    private static boolean hasScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The body as text, decoded with the charset of the Content-Type (UTF-8 when absent or unknown). */
    static String bodyText(Transport.Reply reply) {
        Charset charset = StandardCharsets.UTF_8;
        var type = reply.header("Content-Type");
        if (type.isPresent()) {
            var m = CHARSET.matcher(type.get());
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalArgumentException ignored) {
                    // keep UTF-8
                }
            }
        }
        return new String(reply.body(), charset);
    }

    /** Parses the body as JSON, or throws {@link Json.JsonException}. */
    static Object json(String text) {
        return Json.parse(text);
    }
}
