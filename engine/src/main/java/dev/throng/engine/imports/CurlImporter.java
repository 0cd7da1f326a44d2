package dev.throng.engine.imports;

import dev.throng.engine.project.Body;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Step;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code curl} command line (as browsers' "Copy as cURL" produce it) into a request step.
 *
 * <p>Understood: the URL ({@code --url} too), {@code -X/--request}, {@code -H/--header}, {@code -d/--data},
 * {@code --data-raw}, {@code --data-ascii}, {@code --data-binary}, {@code --data-urlencode}, {@code --json},
 * {@code -u/--user} (basic authentication), {@code -b/--cookie} (as a {@code Cookie} header), {@code -A/--user-agent},
 * {@code -e/--referer}, {@code -G/--get}, {@code -I/--head}. Options that only change curl's own output or transport
 * ({@code -s}, {@code -v}, {@code -L}, {@code -k}, {@code --compressed}, ...) are ignored. Anything else, and data read
 * from files ({@code -d @file}), is an {@link ImportException} naming the option.
 *
 * <p>Stateless and thread-safe.
 */
public final class CurlImporter {
    private static final Set<String> IGNORED_FLAGS = Set.of(
            "-s",
            "--silent",
            "-S",
            "--show-error",
            "-v",
            "--verbose",
            "-L",
            "--location",
            "-k",
            "--insecure",
            "--compressed",
            "-i",
            "--include",
            "-f",
            "--fail",
            "-g",
            "--globoff",
            "--http1.1",
            "--http2",
            "--http2-prior-knowledge",
            "-#",
            "--progress-bar",
            "-N",
            "--no-buffer",
            "--location-trusted");
    private static final Set<String> IGNORED_WITH_VALUE = Set.of(
            "-o",
            "--output",
            "-m",
            "--max-time",
            "--connect-timeout",
            "--retry",
            "-w",
            "--write-out",
            "--max-redirs",
            "-x",
            "--proxy");

    private CurlImporter() {}

    /**
     * Parses {@code curlCommand} into a request whose id is made from the method and path (e.g. {@code get-product}).
     *
     * @throws ImportException when the text is not a curl command or uses something that cannot be imported; the
     *     message names it
     */
    public static Step.Request parse(String curlCommand) {
        if (curlCommand == null || curlCommand.isBlank()) {
            throw new ImportException("nothing to import: paste a command that starts with curl");
        }
        List<String> words = ShellWords.split(curlCommand.strip());
        if (words.isEmpty()
                || !words.getFirst().equals("curl") && !words.getFirst().endsWith("/curl")) {
            throw new ImportException("this is not a curl command: it should start with 'curl', not '"
                    + (words.isEmpty() ? "" : words.getFirst()) + "'");
        }
        String method = null;
        String url = null;
        var headers = new ArrayList<Header>();
        var data = new ArrayList<String>();
        boolean json = false;
        boolean get = false;
        boolean head = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String option = w;
            String inline = null;
            if (w.startsWith("--") && w.contains("=")) {
                option = w.substring(0, w.indexOf('='));
                inline = w.substring(w.indexOf('=') + 1);
            } else if (w.length() > 2 && w.startsWith("-") && !w.startsWith("--") && takesValue(w.substring(0, 2))) {
                option = w.substring(0, 2);
                inline = w.substring(2);
            }
            if (!option.startsWith("-") || option.equals("-")) {
                if (url != null) {
                    throw new ImportException(
                            "the command has two URLs ('" + url + "' and '" + w + "'); import one request at a time");
                }
                url = w;
                continue;
            }
            if (IGNORED_FLAGS.contains(option)) {
                continue;
            }
            if (!takesValue(option)) {
                switch (option) {
                    case "-G", "--get" -> get = true;
                    case "-I", "--head" -> head = true;
                    default ->
                        throw new ImportException("curl option " + option
                                + " is not supported by the importer; remove it and import again");
                }
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new ImportException("curl option " + option + " needs a value after it");
                }
                value = words.get(++i);
            }
            if (IGNORED_WITH_VALUE.contains(option)) {
                continue;
            }
            switch (option) {
                case "-X", "--request" -> method = value.toUpperCase(Locale.ROOT);
                case "--url" -> url = value;
                case "-H", "--header" -> headers.add(header(value));
                case "-A", "--user-agent" -> headers.add(new Header("User-Agent", value));
                case "-e", "--referer" -> headers.add(new Header("Referer", value));
                case "-u", "--user" ->
                    headers.add(new Header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
                case "-b", "--cookie" -> {
                    if (!value.contains("=")) {
                        throw new ImportException("curl option " + option + " '" + value
                                + "' reads cookies from a file, which cannot be imported; give them inline as"
                                + " -b 'name=value; other=value'");
                    }
                    headers.add(new Header("Cookie", value));
                }
                case "-d", "--data", "--data-ascii", "--data-binary" -> data.add(fromFileCheck(option, value));
                case "--data-raw" -> data.add(value);
                case "--data-urlencode" -> data.add(urlencode(value, option));
                case "--json" -> {
                    data.add(fromFileCheck(option, value));
                    json = true;
                }
                default ->
                    throw new ImportException(
                            "curl option " + option + " is not supported by the importer; remove it and import again");
            }
        }
        if (url == null) {
            throw new ImportException("the curl command has no URL");
        }
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        String joined = String.join("&", data);
        Body body = Body.NONE;
        if (get && !data.isEmpty()) {
            url = url + (url.contains("?") ? "&" : "?") + joined;
        } else if (!data.isEmpty()) {
            body = body(joined, json, headers);
        }
        if (json) {
            if (headerValue(headers, "Content-Type") == null) {
                headers.add(new Header("Content-Type", "application/json"));
            }
            if (headerValue(headers, "Accept") == null) {
                headers.add(new Header("Accept", "application/json"));
            }
        }
        if (method == null) {
            method = head ? "HEAD" : (!data.isEmpty() && !get ? "POST" : "GET");
        }
        String id = StepIds.forRequest(method, url, null);
        return Step.Request.of(id, method, url).withHeaders(headers).withBody(body);
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "-X",
                    "--request",
                    "--url",
                    "-H",
                    "--header",
                    "-A",
                    "--user-agent",
                    "-e",
                    "--referer",
                    "-u",
                    "--user",
                    "-b",
                    "--cookie",
                    "-d",
                    "--data",
                    "--data-ascii",
                    "--data-binary",
                    "--data-raw",
                    "--data-urlencode",
                    "--json" -> true;
            default -> IGNORED_WITH_VALUE.contains(option);
        };
    }

    private static Header header(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new ImportException("header '" + value + "' has no 'Name: value' form");
        }
        return new Header(
                value.substring(0, colon).strip(), value.substring(colon + 1).strip());
    }

    private static String fromFileCheck(String option, String value) {
        if (value.startsWith("@")) {
            throw new ImportException("curl option " + option + " " + value
                    + " reads the body from a file, which cannot be imported; paste the body inline instead");
        }
        return value;
    }

    private static String urlencode(String value, String option) {
        int eq = value.indexOf('=');
        String name = eq < 0 ? "" : value.substring(0, eq);
        String content = eq < 0 ? value : value.substring(eq + 1);
        if (content.startsWith("@") || (eq < 0 && value.contains("@"))) {
            throw new ImportException("curl option " + option + " " + value
                    + " reads from a file, which cannot be imported; paste the value inline instead");
        }
        String encoded = java.net.URLEncoder.encode(content, StandardCharsets.UTF_8);
        return name.isEmpty() ? encoded : name + "=" + encoded;
    }

    private static Body body(String text, boolean json, List<Header> headers) {
        String type = headerValue(headers, "Content-Type");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (json || lower.contains("json")) {
            return new Body.Json(text);
        }
        if ((type == null || lower.startsWith("application/x-www-form-urlencoded")) && isForm(text)) {
            var fields = new ArrayList<Header>();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                fields.add(new Header(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
            }
            headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Type"));
            return new Body.Form(fields);
        }
        return new Body.Text(type == null ? "application/x-www-form-urlencoded" : type, text);
    }

    private static boolean isForm(String text) {
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.contains(" ") || pair.contains("\n")) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String headerValue(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
