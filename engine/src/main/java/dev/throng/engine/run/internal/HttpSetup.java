package dev.throng.engine.run.internal;

import dev.throng.engine.http.ConnectionPolicy;
import dev.throng.engine.http.HttpOptions;
import dev.throng.engine.http.TlsOptions;
import dev.throng.engine.project.Settings;
import dev.throng.engine.run.RunStartException;
import dev.throng.engine.user.Template;
import dev.throng.engine.user.TemplateContext;
import dev.throng.engine.user.TemplateException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Turns a project's HTTP settings into the HTTP engine's options. Stateless. */
public final class HttpSetup {
    private HttpSetup() {}

    /**
     * The options for a run.
     *
     * @param plannedConnections the connections the plan needs at most (sizes a shared pool whose size is 0)
     * @throws RunStartException when a setting cannot be used (a secret not set, a bad local address or timeout)
     */
    public static HttpOptions options(
            Settings settings, Path projectDirectory, Map<String, String> environment, int plannedConnections) {
        try {
            var t = settings.timeouts();
            var tls = new TlsOptions(
                    settings.tls().verify(),
                    path(projectDirectory, settings.tls().trustStore()),
                    secret(settings.tls().trustStorePassword(), environment, "the trust store password"),
                    path(projectDirectory, settings.tls().clientCertificate()),
                    secret(settings.tls().clientCertificatePassword(), environment, "the client certificate password"),
                    settings.tls().trustAll());
            var policy = settings.connections().policy() == Settings.Connections.Policy.SHARED
                    ? ConnectionPolicy.SHARED
                    : ConnectionPolicy.PER_USER;
            int pool = settings.connections().poolSize() > 0
                    ? settings.connections().poolSize()
                    : Math.max(1, plannedConnections);
            var local = new ArrayList<InetAddress>();
            for (String a : settings.localAddresses()) {
                try {
                    local.add(InetAddress.getByName(a.strip()));
                } catch (UnknownHostException e) {
                    throw new RunStartException("settings, local addresses: '" + a
                            + "' is not an address of this machine; give numeric addresses such as 10.0.0.5");
                }
            }
            return new HttpOptions(
                    t.connect(),
                    t.response(),
                    t.total(),
                    settings.redirects().follow(),
                    Math.max(0, settings.redirects().max()),
                    tls,
                    policy,
                    pool,
                    List.copyOf(local),
                    settings.maxBodyBytes(),
                    List.of()); // default headers are added by the users, rendered as templates
        } catch (IllegalArgumentException e) {
            throw new RunStartException("settings: " + e.getMessage(), e);
        }
    }

    private static Path path(Path projectDirectory, String value) {
        return value == null || value.isBlank() ? null : projectDirectory.resolve(value);
    }

    private static String secret(String template, Map<String, String> environment, String what) {
        if (template == null) {
            return null;
        }
        try {
            return Template.compile(template).render(new EnvironmentOnly(environment));
        } catch (TemplateException e) {
            throw new RunStartException("settings, TLS: " + what + " uses " + e.getMessage()
                    + "; set it in the environment before starting the run");
        }
    }

    /** Renders secrets: only {@code ${env:NAME}} and literal text make sense here. */
    private record EnvironmentOnly(Map<String, String> environment) implements TemplateContext {
        @Override
        public String variable(String name) {
            return null;
        }

        @Override
        public String environment(String name) {
            return environment.get(name);
        }

        @Override
        public long userIndex() {
            return 0;
        }

        @Override
        public int agentIndex() {
            return 0;
        }

        @Override
        public long nextCounter() {
            return 0;
        }

        @Override
        public long nowMillis() {
            return 0;
        }

        @Override
        public RandomGenerator random() {
            return RandomGenerator.getDefault();
        }
    }
}
