package dev.throng.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** A small java.net.http client for the shop in tests; cookies are passed by hand to keep them visible. */
final class ShopClient {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;
    private final URI base;

    ShopClient(URI base) {
        this(base, null);
    }

    ShopClient(URI base, SSLContext sslContext) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
        this.base = base;
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return send(request(path, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> postForm(String path, String form, String... headers)
            throws IOException, InterruptedException {
        return post(path, "application/x-www-form-urlencoded", form, headers);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return client.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in over the form route and returns the {@code Cookie} header value to send afterwards. */
    String login(String user) throws IOException, InterruptedException {
        String digits = user.substring(4);
        HttpResponse<String> response = postForm("/login", "username=" + user + "&password=pass" + digits);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + user + " answered " + response.statusCode());
        }
        return cookieOf(response);
    }

    /** The {@code name=value} part of the response's session cookie. */
    static String cookieOf(HttpResponse<?> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** A whole-number member of a JSON body, such as {@code "order":3}. */
    static long number(String json, String member) {
        Matcher m =
                Pattern.compile("\"" + Pattern.quote(member) + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no number " + member + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** A string member of a JSON body without escapes, such as {@code "token":"abc"}. */
    static String string(String json, String member) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(member) + "\":\"([^\"\\\\]*)\"")
                .matcher(json);
        if (!m.find()) {
            throw new AssertionError("no string " + member + " in " + json);
        }
        return m.group(1);
    }
}
