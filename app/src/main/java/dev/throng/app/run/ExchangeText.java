package dev.throng.app.run;

import dev.throng.engine.project.Header;
import dev.throng.engine.user.Exchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes one exchange of a debug run as text for the inspector. Pure functions; thread-safe. */
final class ExchangeText {
    private ExchangeText() {}

    /** A one-line summary: "200 GET /product/{id} 12.3 ms". */
    static String summary(Exchange e) {
        String status = e.status() == 0 ? "---" : Integer.toString(e.status());
        String tail = e.failed() ? "  ✗ " + e.failureKind() : "";
        return status + "  " + e.method() + " " + e.name() + "  " + Figures.millis(e.latencyMicros() / 1000.0) + " ms"
                + tail;
    }

    /** The whole exchange: request, response, timings, extracted values, checks, failure. */
    static String full(Exchange e) {
        StringBuilder b = new StringBuilder();
        b.append(e.method()).append(' ').append(e.url().isEmpty() ? "(URL could not be rendered)" : e.url());
        b.append("\n    step ")
                .append(e.stepId())
                .append(" of flow ")
                .append(e.flowId())
                .append(", row ");
        b.append(e.name()).append('\n');
        headers(b, e.requestHeaders());
        body(b, e.requestBody());
        b.append("\n--- response\n");
        if (e.status() == 0) {
            b.append("(no response)\n");
        } else {
            b.append(e.status())
                    .append(' ')
                    .append(e.reason() == null ? "" : e.reason())
                    .append('\n');
        }
        headers(b, e.responseHeaders());
        body(b, e.responseBody());
        if (e.responseBody() != null && e.bodyBytes() > e.responseBody().length()) {
            b.append("(").append(Figures.count(e.bodyBytes())).append(" bytes in all; the start is shown)\n");
        }
        b.append("\n--- timings\n");
        b.append(String.format(
                Locale.ROOT,
                "total %s ms · connect %s ms · TLS %s ms · first byte %s ms%n",
                Figures.millis(e.latencyMicros() / 1000.0),
                Figures.millis(e.connectMicros() / 1000.0),
                Figures.millis(e.tlsMicros() / 1000.0),
                Figures.millis(e.firstByteMicros() / 1000.0)));
        if (!e.extracted().isEmpty()) {
            b.append("\n--- extracted\n");
            for (Map.Entry<String, String> x : e.extracted().entrySet()) {
                b.append(x.getKey()).append(" = ").append(x.getValue()).append('\n');
            }
        }
        if (!e.checks().isEmpty()) {
            b.append("\n--- checks\n");
            for (Exchange.CheckResult c : e.checks()) {
                b.append(c.passed() ? "✓ " : "✗ ").append(c.description());
                if (!c.passed() && !c.message().isEmpty()) {
                    b.append(": ").append(c.message());
                }
                b.append('\n');
            }
        }
        if (e.failed()) {
            b.append("\n--- failed (")
                    .append(e.failureKind())
                    .append(")\n")
                    .append(e.failureMessage())
                    .append('\n');
        }
        return b.toString();
    }

    private static void headers(StringBuilder b, List<Header> headers) {
        for (Header h : headers) {
            b.append(h.name()).append(": ").append(h.value()).append('\n');
        }
    }

    private static void body(StringBuilder b, String body) {
        if (body != null && !body.isEmpty()) {
            b.append('\n').append(body);
            if (!body.endsWith("\n")) {
                b.append('\n');
            }
        }
    }
}
