package dev.throng.engine.http;

import dev.throng.engine.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieStore;

/**
 * A session's cookie jar, its {@link CookieView}, and the {@link CookieStore} HttpClient's exec chain reads and fills
 * under {@link ConnectionPolicy#SHARED}. The store is made when the first cookie comes (most users of many tests never
 * get one, and a waiting user pays for every object it holds). Confined to the session's thread.
 */
final class SessionCookies implements CookieView, CookieStore {
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

    // CookieStore, for HttpClient's exec chain

    @Override
    public void addCookie(org.apache.hc.client5.http.cookie.Cookie cookie) {
        store().addCookie(cookie);
    }

    @Override
    public List<org.apache.hc.client5.http.cookie.Cookie> getCookies() {
        return store == null ? List.of() : store.getCookies();
    }

    @Override
    @SuppressWarnings("deprecation") // the interface's abstract method; HttpClient calls the Instant one
    public boolean clearExpired(Date date) {
        return store != null && store.clearExpired(date);
    }

    @Override
    public boolean clearExpired(Instant instant) {
        return store != null && store.clearExpired(instant);
    }
}
