package dev.throng.engine.project;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The names a project's templates may use, and the checks of templates, URLs, regular expressions and secrets.
 * Package-private; confined to one validation.
 */
final class TemplateChecks {

    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|apikey|api_key).*");

    private final List<Problem> out;
    private final Set<String> known = new LinkedHashSet<>();
    /** Set when a data file could not be read: an unknown name might be one of its columns. */
    private String unreadableSource;

    TemplateChecks(List<Problem> out) {
        this.out = out;
    }

    void know(String name) {
        known.add(name);
    }

    void unreadable(String sourceId) {
        if (unreadableSource == null) {
            unreadableSource = sourceId;
        }
    }

    boolean isKnown(String name) {
        return known.contains(name);
    }

    static boolean isValidVariableName(String name) {
        return name != null && Templates.VARIABLE_NAME.matcher(name).matches() && !name.startsWith("__");
    }

    /** Reports a use of variable {@code name} (in a template or a condition) that is not known. */
    void checkVariable(String path, String name, String what) {
        if (known.contains(name)) {
            return;
        }
        String message = what + " uses unknown variable '" + name + "': it is not a project variable, a data-source "
                + "column, an extracted variable or a built-in" + DidYouMean.suffix(name, known);
        if (unreadableSource != null) {
            out.add(Problem.warning(path, message + " (data source '" + unreadableSource + "' could not be read)"));
        } else {
            out.add(Problem.error(path, message));
        }
    }

    /** Checks the syntax of a template and that every name it uses is known; false when the syntax is wrong. */
    boolean template(String path, String template) {
        if (template == null) {
            return true;
        }
        var syntax = Templates.syntaxError(template);
        if (syntax.isPresent()) {
            out.add(Problem.error(path, syntax.get()));
            return false;
        }
        for (Templates.Reference ref : Templates.references(template)) {
            if (ref.isEnv()) {
                continue;
            }
            if (ref.isBuiltIn()) {
                builtIn(path, ref);
            } else {
                checkVariable(path, ref.name(), "'${" + ref.expression() + "}'");
            }
        }
        return true;
    }

    private void builtIn(String path, Templates.Reference ref) {
        var builtIn = Templates.BuiltIn.named(ref.name());
        if (builtIn.isEmpty()) {
            out.add(Problem.error(
                    path,
                    "unknown built-in '" + ref.name() + "'"
                            + DidYouMean.suffix(ref.name(), Templates.BuiltIn.names())
                            + "; the built-ins are " + String.join(", ", Templates.BuiltIn.names())));
            return;
        }
        var b = builtIn.get();
        var args = ref.args();
        if (args.size() < b.minArgs() || args.size() > b.maxArgs()) {
            out.add(Problem.error(
                    path,
                    "'${" + ref.expression() + "}': " + b.functionName() + " takes " + b.minArgs()
                            + (b.maxArgs() == b.minArgs() ? "" : " to " + b.maxArgs()) + " argument(s)"
                            + (b == Templates.BuiltIn.RANDOM_INT ? ", e.g. ${__randomInt(1,100)}" : "")));
            return;
        }
        try {
            switch (b) {
                case RANDOM_INT -> {
                    long min = Long.parseLong(args.get(0));
                    long max = Long.parseLong(args.get(1));
                    if (min > max) {
                        out.add(Problem.error(path, "'${" + ref.expression() + "}': the minimum is above the maximum"));
                    }
                }
                default -> {}
            }
        } catch (NumberFormatException e) {
            out.add(Problem.error(path, "'${" + ref.expression() + "}': the arguments must be whole numbers"));
        }
    }

    /** A base URL: an absolute http(s) URL, unless it starts with a reference. */
    void baseUrl(String path, String url) {
        if (!template(path, url) || url.startsWith("${")) {
            return;
        }
        if (url.isBlank()) {
            out.add(Problem.error(path, "empty base URL"));
            return;
        }
        String shape = Templates.withPlaceholders(url, "x");
        if (!shape.contains("://")) {
            out.add(Problem.error(path, notAbsolute(url)));
            return;
        }
        URI uri = uri(path, shape, url);
        if (uri != null && (!isHttp(uri) || uri.getHost() == null)) {
            out.add(Problem.error(path, notAbsolute(url)));
        }
    }

    private static String notAbsolute(String url) {
        return "base URL '" + url + "' must be absolute, with http or https, a host and a port if not the default:"
                + " e.g. http://127.0.0.1:8080";
    }

    /** A request URL: absolute http(s), or starting with {@code /} when there is a base URL. */
    void requestUrl(String path, String url, boolean hasBaseUrl) {
        if (!template(path, url) || url.startsWith("${")) {
            return;
        }
        if (url.isBlank()) {
            out.add(Problem.error(path, "empty URL: write a path such as /products or a full URL"));
            return;
        }
        String shape = Templates.withPlaceholders(url, "x");
        URI uri = uri(path, shape, url);
        if (uri == null) {
            return;
        }
        if (uri.isAbsolute()) {
            if (!isHttp(uri) || uri.getHost() == null) {
                out.add(Problem.error(path, "URL '" + url + "' must use http:// or https:// and name a host"));
            }
        } else if (!shape.startsWith("/")) {
            out.add(Problem.error(
                    path, "URL '" + url + "' must start with / (relative to the base URL) or http(s)://"));
        } else if (!hasBaseUrl) {
            out.add(Problem.error(
                    path, "relative URL '" + url + "' but the project has no base URL (set settings.baseUrls)"));
        }
    }

    private URI uri(String path, String shape, String url) {
        try {
            return new URI(shape);
        } catch (URISyntaxException e) {
            out.add(Problem.error(
                    path,
                    "'" + url + "' is not a valid URL: " + e.getReason() + " at index " + e.getIndex()
                            + " (encode spaces and special characters, e.g. %20)"));
            return null;
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    /** A regular expression that must compile. */
    void regex(String path, String regex, String what) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            out.add(Problem.error(
                    path, what + " '" + regex + "' is not a valid regular expression: " + e.getDescription()));
        }
    }

    /** A header (default or per request): a valid name, a template value, and no literal secret. */
    void header(String path, Header header) {
        if (header.name().isBlank() || !header.name().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            out.add(Problem.error(path + ".name", "'" + header.name() + "' is not a valid header name"));
        }
        template(path + ".value", header.value());
        if (SECRET_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))
                && !header.value().isBlank()
                && Templates.references(header.value()).isEmpty()) {
            out.add(Problem.warning(
                    path + ".value",
                    "a secret is written literally in header '" + header.name()
                            + "': anyone with the file can read it; use ${env:NAME} (e.g. Bearer ${env:API_TOKEN})"));
        }
    }

    /** A variable whose name looks secret and whose value is literal. */
    void secretVariable(String path, Variable variable) {
        if (SECRET_NAME.matcher(variable.name()).matches()
                && !variable.value().isEmpty()
                && Templates.references(variable.value()).isEmpty()) {
            out.add(Problem.warning(
                    path,
                    "variable '" + variable.name() + "' looks like a secret written literally in the file; use ${env:"
                            + variable.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "}"));
        }
    }

    /** A file path relative to the project directory; reports when it is missing (only with a directory). */
    static Path resolve(Path directory, String file) {
        try {
            Path p = Path.of(file);
            return directory == null || p.isAbsolute()
                    ? p
                    : directory.resolve(p).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    List<String> knownNames() {
        return new ArrayList<>(known);
    }
}
