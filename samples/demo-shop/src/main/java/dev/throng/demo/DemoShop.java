package dev.throng.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The demo web shop: a small HTTP server on loopback for samples, tests and benchmarks.
 *
 * <p>Placeholder of the foundation skeleton; the full shop replaces it. Thread-safe.
 */
public final class DemoShop implements AutoCloseable {
    private final HttpServer server;

    private DemoShop(HttpServer server) {
        this.server = server;
    }

    /** Starts the shop on {@code host:port} (port 0 picks a free one) and returns once it accepts requests. */
    public static DemoShop start(String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = "Throng demo shop\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new DemoShop(server);
    }

    /** The base URI, for example {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The port the shop listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
