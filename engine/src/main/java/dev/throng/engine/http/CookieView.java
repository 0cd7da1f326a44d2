package dev.throng.engine.http;

import java.util.List;
import java.util.Optional;

/**
 * The cookies of one session, for extractors and for resetting a user. Confined to the session's thread like the
 * session itself.
 */
public interface CookieView {
    /** A snapshot of the unexpired cookies, in the order they were stored. */
    List<Cookie> list();

    /** The value of the first unexpired cookie named {@code name} (exact case), if any. */
    Optional<String> value(String name);

    /** Forgets every cookie (the user starts a new browser session). */
    void clear();
}
