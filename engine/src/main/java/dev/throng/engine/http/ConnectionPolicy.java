package dev.throng.engine.http;

/** How simulated users share TCP connections. */
public enum ConnectionPolicy {
    /**
     * Each session keeps its own keep-alive connection (one per origin it talks to), so the server sees one
     * connection per user, as with browsers. The default.
     */
    PER_USER,
    /**
     * All sessions of an engine share a pool of at most {@link HttpOptions#sharedPoolSize()} connections; a request
     * waits for a free connection when all are busy.
     */
    SHARED
}
