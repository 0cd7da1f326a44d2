package dev.throng.engine.http;

import dev.throng.engine.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.BasicCookieStore;

/**
 * A session's cookie jar and its {@link CookieView}. The store is made when the first cookie comes (most users of
 * many tests never get one, and a waiting user pays for every object it holds). Confined to the session's thread.
 */
final class SessionCookies implements CookieView {
    private final Clock clock;
    private BasicCookieStore store;

    SessionCookies(Clock clock) {
        this.clock = clock;
    }

    /** The store, made now if there was none. */
    BasicCookieStore store() {
        if (store == null) {
            store = new BasicCookieStore();
        }
        return store;
    }

    /** The store, or {@code null} when no cookie ever came. */
    BasicCookieStore existing() {
        return store;
    }

    @Override
    public List<Cookie> list() {
        if (store == null) {
            return List.of();
        }
        Instant now = Instant.ofEpochMilli(clock.currentTimeMillis());
        List<Cookie> out = new ArrayList<>();
        for (org.apache.hc.client5.http.cookie.Cookie c : store.getCookies()) {
            if (!c.isExpired(now)) {
                out.add(new Cookie(c.getName(), c.getValue(), c.getDomain(), c.getPath(), c.isSecure()));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<String> value(String name) {
        if (store == null) {
            return Optional.empty();
        }
        Instant now = Instant.ofEpochMilli(clock.currentTimeMillis());
        for (org.apache.hc.client5.http.cookie.Cookie c : store.getCookies()) {
            if (c.getName().equals(name) && !c.isExpired(now)) {
                return Optional.ofNullable(c.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void clear() {
        if (store != null) {
            store.clear();
        }
    }
}
