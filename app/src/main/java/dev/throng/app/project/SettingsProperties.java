package dev.throng.app.project;

import static dev.throng.app.project.PropertyRows.lines;
import static dev.throng.app.project.PropertyRows.nonNegative;
import static dev.throng.app.project.PropertyRows.orNull;
import static dev.throng.app.project.PropertyRows.positive;

import dev.throng.engine.project.Header;
import dev.throng.engine.project.Project;
import dev.throng.engine.project.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The property rows of the HTTP settings: URLs, headers, timeouts, TLS, redirects, connections, limits. */
final class SettingsProperties {
    /** Shown while certificates are not checked. */
    static final String TRUST_ALL_WARNING =
            "Certificates are NOT checked: any server, including an attacker's, is accepted. Only for test servers.";

    private final PropertyRows rows;

    private SettingsProperties(PropertyRows rows) {
        this.rows = rows;
    }

    static void add(PropertyRows rows, List<PropertyRow> out) {
        new SettingsProperties(rows).build(out);
    }

    private static Project put(Project p, UnaryOperator<Settings> f) {
        return p.withSettings(f.apply(p.settings()));
    }

    private static Project tls(Project p, UnaryOperator<Settings.Tls> f) {
        return put(p, s -> s.withTls(f.apply(s.tls())));
    }

    private static Project timeouts(Project p, UnaryOperator<Settings.Timeouts> f) {
        return put(p, s -> s.withTimeouts(f.apply(s.timeouts())));
    }

    private static Settings with(Settings s, List<String> localAddresses, long maxBodyBytes) {
        return new Settings(
                s.baseUrls(),
                s.headers(),
                s.timeouts(),
                s.tls(),
                s.redirects(),
                s.connections(),
                localAddresses,
                maxBodyBytes);
    }

    /** "Name: value" lines as headers. */
    static List<Header> headers(String text) {
        var out = new ArrayList<Header>();
        for (String line : lines(text)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + line + "': write one header a line as Name: value");
            }
            out.add(new Header(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return out;
    }

    static String headersText(List<Header> headers) {
        return String.join(
                "\n", headers.stream().map(h -> h.name() + ": " + h.value()).toList());
    }

    /**
     * A password field's value as a secret reference: blank is none, {@code NAME} or {@code ${env:NAME}} is
     * {@code ${env:NAME}}; anything else is refused so no password is written into the file.
     */
    static String secretReference(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\$\\{env:[A-Za-z_][A-Za-z0-9_]*}")) {
            return t;
        }
        if (t.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "${env:" + t + "}";
        }
        throw new IllegalArgumentException("enter the name of an environment variable that holds the password"
                + " (e.g. TRUST_PASSWORD): the password itself is never written into the project file");
    }

    private void build(List<PropertyRow> out) {
        Settings now = rows.project().settings();
        String c = "HTTP";
        out.add(rows.<String>row(
                c,
                "Base URL",
                "relative request URLs resolve against it, e.g. http://127.0.0.1:8080",
                String.class,
                p -> p.settings().baseUrl(),
                (p, v) -> put(p, s -> s.withBaseUrls(withFirst(s.baseUrls(), v.strip())))));
        out.add(rows.<String>row(
                c,
                "Base URLs",
                "one a line: the first is used; the others are alternatives a run can pick (--host)",
                PropertyRow.Lines.class,
                p -> String.join("\n", p.settings().baseUrls()),
                (p, v) -> put(p, s -> s.withBaseUrls(lines(v)))));
        out.add(rows.<String>row(
                c,
                "Default headers",
                "one a line as Name: value; sent with every request unless it sets the same header",
                PropertyRow.Lines.class,
                p -> headersText(p.settings().headers()),
                (p, v) -> put(p, s -> s.withHeaders(headers(v)))));
        out.add(rows.<Long>row(
                c,
                "Max body (bytes)",
                "longer responses fail as \"body too large\"; keeps memory bounded, bytes",
                Long.class,
                p -> p.settings().maxBodyBytes(),
                (p, v) -> put(p, s -> with(s, s.localAddresses(), positive(v)))));

        String t = "Timeouts";
        out.add(rows.<Long>row(
                t,
                "Connect timeout (ms)",
                "establishing a connection (TCP and TLS), ms",
                Long.class,
                p -> p.settings().timeouts().connect().toMillis(),
                (p, v) -> timeouts(p, x -> x.withConnect(Duration.ofMillis(positive(v))))));
        out.add(rows.<Long>row(
                t,
                "Response timeout (ms)",
                "the longest wait for data once connected, ms",
                Long.class,
                p -> p.settings().timeouts().response().toMillis(),
                (p, v) -> timeouts(p, x -> x.withResponse(Duration.ofMillis(positive(v))))));
        out.add(rows.<Long>row(
                t,
                "Total timeout (ms)",
                "the whole exchange, ms; 0: no limit",
                Long.class,
                p -> p.settings().timeouts().total() == null
                        ? 0L
                        : p.settings().timeouts().total().toMillis(),
                (p, v) -> timeouts(p, x -> x.withTotal(nonNegative(v) == 0 ? null : Duration.ofMillis(v)))));

        String r = "Redirects";
        out.add(rows.<Boolean>row(
                r,
                "Follow redirects",
                "follow 3xx responses",
                Boolean.class,
                p -> p.settings().redirects().follow(),
                (p, v) -> put(p, s -> s.withRedirects(s.redirects().withFollow(v)))));
        out.add(rows.<Integer>row(
                r,
                "Max redirects",
                "at most this many redirects per request",
                Integer.class,
                p -> p.settings().redirects().max(),
                (p, v) -> put(p, s -> s.withRedirects(s.redirects().withMax(nonNegative(v))))));

        String n = "Connections";
        out.add(rows.<Settings.Connections.Policy>row(
                n,
                "Policy",
                "PER_USER: one keep-alive connection per user, as browsers do; SHARED: one pool for all users",
                Settings.Connections.Policy.class,
                p -> p.settings().connections().policy(),
                (p, v) -> put(p, s -> s.withConnections(s.connections().withPolicy(v)))));
        if (now.connections().policy() == Settings.Connections.Policy.SHARED) {
            out.add(rows.<Integer>row(
                    n,
                    "Pool size",
                    "connections in the shared pool; 0 lets the plan size it",
                    Integer.class,
                    p -> p.settings().connections().poolSize(),
                    (p, v) -> put(p, s -> s.withConnections(s.connections().withPoolSize(nonNegative(v))))));
        }
        out.add(rows.<String>row(
                n,
                "Local addresses",
                "one a line: local source addresses to spread connections over (empty: the system chooses)",
                PropertyRow.Lines.class,
                p -> String.join("\n", p.settings().localAddresses()),
                (p, v) -> put(p, s -> with(s, lines(v), s.maxBodyBytes()))));

        tlsRows(out, now.tls());
    }

    private void tlsRows(List<PropertyRow> out, Settings.Tls now) {
        String c = "TLS";
        if (now.trustAll()) {
            out.add(rows.row(c, "WARNING", TRUST_ALL_WARNING, String.class, p -> TRUST_ALL_WARNING, null));
        }
        out.add(rows.<Boolean>row(
                c,
                "Trust all certificates",
                "DANGER: accept any certificate without checking it; only for test servers with self-signed"
                        + " certificates (prefer a trust store)",
                Boolean.class,
                p -> p.settings().tls().trustAll(),
                (p, v) -> tls(p, x -> x.withTrustAll(v))));
        out.add(rows.<Boolean>row(
                c,
                "Check host names",
                "check that the certificate belongs to the host (on unless the certificate names another host)",
                Boolean.class,
                p -> p.settings().tls().verify(),
                (p, v) -> tls(p, x -> x.withVerify(v))));
        out.add(rows.<String>row(
                c,
                "Trust store",
                "a PKCS#12 or JKS file of certificates to trust, relative to the project file (empty: the system's)",
                String.class,
                p -> nz(p.settings().tls().trustStore()),
                (p, v) -> tls(p, x -> x.withTrustStore(orNull(v)))));
        out.add(rows.<String>row(
                c,
                "Trust store password",
                "the environment variable holding it, e.g. TRUST_PASSWORD (stored as ${env:TRUST_PASSWORD})",
                String.class,
                p -> nz(p.settings().tls().trustStorePassword()),
                (p, v) -> tls(p, x -> x.withTrustStorePassword(secretReference(v)))));
        out.add(rows.<String>row(
                c,
                "Client certificate",
                "a PKCS#12 file with the client's certificate and key, relative to the project file (empty: none)",
                String.class,
                p -> nz(p.settings().tls().clientCertificate()),
                (p, v) -> tls(p, x -> x.withClientCertificate(orNull(v)))));
        out.add(rows.<String>row(
                c,
                "Client certificate password",
                "the environment variable holding it, e.g. CLIENT_CERT_PASSWORD (stored as ${env:...})",
                String.class,
                p -> nz(p.settings().tls().clientCertificatePassword()),
                (p, v) -> tls(p, x -> x.withClientCertificatePassword(secretReference(v)))));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<String> withFirst(List<String> list, String first) {
        var out = new ArrayList<>(list);
        if (out.isEmpty()) {
            out.add(first);
        } else {
            out.set(0, first);
        }
        out.removeIf(String::isBlank);
        return out;
    }
}
