package dev.throng.demo;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * The demo web shop: a small, fast HTTP (and optionally HTTPS) server on loopback for samples, tests and benchmarks.
 * See the package documentation for its routes.
 *
 * <p>Each request runs on its own virtual thread; delays sleep that thread. Responses carry a Content-Length and
 * connections are kept alive. The first start in a JVM raises two settings of the JDK's HTTP server unless they are
 * already set: {@code sun.net.httpserver.maxIdleConnections} (from 200 to 100,000, so idle keep-alive connections of
 * many simulated users are not closed) and {@code sun.net.httpserver.nodelay} (true, no Nagle delay).
 *
 * <p>Thread-safe. {@link #close()} stops both listeners and interrupts the requests still running.
 */
public final class DemoShop implements AutoCloseable {
    private static final int BACKLOG = 4096;

    static {
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "100000");
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    /**
     * How to start the shop.
     *
     * @param host the address to listen on, normally {@code 127.0.0.1}
     * @param port the http port; 0 picks a free one
     * @param httpsPort the https port; 0 picks a free one, -1 means no https listener
     * @param sslContext the server's TLS context, required with https and null without
     * @param capacitySlots how many {@code /capacity} requests are served at once (1 or more)
     * @param capacityServiceMillis how long each {@code /capacity} request holds its slot, in ms (1 or more)
     * @param products how many products the catalogue has (1 or more)
     */
    public record Options(
            String host,
            int port,
            int httpsPort,
            SSLContext sslContext,
            int capacitySlots,
            long capacityServiceMillis,
            int products) {
        public Options {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the demo shop needs a host to listen on, such as 127.0.0.1");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http port " + port + " is not 0 to 65535 (0 picks a free port)");
            }
            if (httpsPort < -1 || httpsPort > 65535) {
                throw new IllegalArgumentException(
                        "https port " + httpsPort + " is not -1 (no https) or 0 to 65535 (0 picks a free port)");
            }
            if (httpsPort >= 0 && sslContext == null) {
                throw new IllegalArgumentException("an https port was given without an SSLContext for it");
            }
            if (httpsPort < 0 && sslContext != null) {
                throw new IllegalArgumentException(
                        "an SSLContext was given without an https port (use 0 for a free one)");
            }
            if (capacitySlots < 1) {
                throw new IllegalArgumentException("capacity slots must be 1 or more, not " + capacitySlots);
            }
            if (capacityServiceMillis < 1) {
                throw new IllegalArgumentException(
                        "capacity service time must be 1 ms or more, not " + capacityServiceMillis);
            }
            if (products < 1) {
                throw new IllegalArgumentException("the catalogue needs 1 product or more, not " + products);
            }
        }

        /** 127.0.0.1, a free http port, no https, 4 capacity slots of 20 ms (200 req/s), 100 products. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, -1, null, 4, 20, 100);
        }

        public Options withHost(String newHost) {
            return new Options(newHost, port, httpsPort, sslContext, capacitySlots, capacityServiceMillis, products);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, httpsPort, sslContext, capacitySlots, capacityServiceMillis, products);
        }

        /** Adds an https listener on {@code newHttpsPort} (0 = a free port) using {@code context}. */
        public Options withHttps(int newHttpsPort, SSLContext context) {
            return new Options(host, port, newHttpsPort, context, capacitySlots, capacityServiceMillis, products);
        }

        public Options withoutHttps() {
            return new Options(host, port, -1, null, capacitySlots, capacityServiceMillis, products);
        }

        /** {@code slots} requests at once, each holding its slot {@code serviceMillis} ms. */
        public Options withCapacity(int slots, long serviceMillis) {
            return new Options(host, port, httpsPort, sslContext, slots, serviceMillis, products);
        }

        public Options withProducts(int count) {
            return new Options(host, port, httpsPort, sslContext, capacitySlots, capacityServiceMillis, count);
        }
    }

    private final HttpServer http;
    private final HttpsServer https;
    private final ExecutorService executor;
    private final Counters counters;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoShop(HttpServer http, HttpsServer https, ExecutorService executor, Counters counters) {
        this.http = http;
        this.https = https;
        this.executor = executor;
        this.counters = counters;
    }

    /** Starts the shop with default options on {@code host:port} (port 0 picks a free one); returns once it accepts. */
    public static DemoShop start(String host, int port) throws IOException {
        return start(Options.defaults().withHost(host).withPort(port));
    }

    /**
     * Starts the shop and returns once it accepts requests.
     *
     * @throws IOException if a port cannot be bound; the message names the address
     */
    public static DemoShop start(Options options) throws IOException {
        Capacity capacity = new Capacity(options.capacitySlots(), options.capacityServiceMillis());
        LoadRoutes load = new LoadRoutes(capacity);
        Counters counters = new Counters(() -> {
            load.resetSequences();
            capacity.resetMaxInFlight();
        });
        Stall stall = new Stall();
        Router router = new Router(counters, stall);
        new ShopRoutes(new Catalog(options.products()), new Sessions()).addTo(router);
        load.addTo(router);
        new AdminRoutes(counters, stall, capacity).addTo(router);

        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("demo-shop-", 0).factory());
        HttpServer http = null;
        HttpsServer https = null;
        try {
            http = HttpServer.create();
            bind(http, options.host(), options.port(), "http");
            if (options.httpsPort() >= 0) {
                https = HttpsServer.create();
                https.setHttpsConfigurator(new HttpsConfigurator(options.sslContext()));
                bind(https, options.host(), options.httpsPort(), "https");
            }
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.stop(0);
            }
            executor.shutdownNow();
            throw e;
        }
        for (HttpServer server : https == null ? new HttpServer[] {http} : new HttpServer[] {http, https}) {
            server.createContext("/", router);
            server.setExecutor(executor);
            server.start();
        }
        return new DemoShop(http, https, executor, counters);
    }

    private static void bind(HttpServer server, String host, int port, String scheme) throws IOException {
        try {
            server.bind(new InetSocketAddress(host, port), BACKLOG);
        } catch (BindException e) {
            throw new BindException("the demo shop cannot listen for " + scheme + " on " + host + ":" + port + " ("
                    + e.getMessage() + "); choose another port, or 0 for a free one");
        }
    }

    /** The http base URI, for example {@code http://127.0.0.1:41234} (no trailing slash). */
    public URI baseUri() {
        return uri("http", http);
    }

    /** The https base URI, for example {@code https://127.0.0.1:41235}; null without an https listener. */
    public URI httpsUri() {
        return https == null ? null : uri("https", https);
    }

    /** The http port. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The request counters, the same as {@code GET /_demo/counters}. */
    public Counters counters() {
        return counters;
    }

    /** Stops both listeners at once and interrupts the requests still running. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        if (https != null) {
            https.stop(0);
        }
        executor.shutdownNow();
    }

    private static URI uri(String scheme, HttpServer server) {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (address instanceof Inet6Address && !address.isAnyLocalAddress()) {
            host = "[" + host + "]";
        }
        return URI.create(scheme + "://" + host + ":" + server.getAddress().getPort());
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Runs the shop until the process is killed: {@code --host H} (default 127.0.0.1), {@code --port N} (default
     * 8080, 0 for a free one). Prints {@code Demo shop listening on http://127.0.0.1:N}. Exits with 2 on bad arguments
     * or when the port cannot be bound.
     */
    public static void main(String[] args) {
        System.exit(new DemoShopMain(System.out, System.err).run(args));
    }

    /** Used by {@link DemoShopMain}: keeps the command line out of the public API. */
    static DemoShop startForMain(Options options, PrintStream out) throws IOException {
        DemoShop shop = start(options);
        out.println("Demo shop listening on " + shop.baseUri());
        if (shop.httpsUri() != null) {
            out.println("Demo shop listening on " + shop.httpsUri());
        }
        out.flush();
        return shop;
    }
}
