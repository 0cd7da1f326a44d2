package dev.throng.engine.http;

/**
 * A cookie held by a session, as stored after the server set it.
 *
 * @param name the cookie name
 * @param value the cookie value
 * @param domain the domain it is sent to (the host that set it, for host-only cookies)
 * @param path the path prefix it is sent to
 * @param secure whether it is sent only over https
 */
public record Cookie(String name, String value, String domain, String path, boolean secure) {}
