package dev.throng.engine.http;

import dev.throng.engine.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.BasicCookieStore;

/** {@link CookieView} over a session's cookie store. Confined to the session's thread. */
final class SessionCookies implements CookieView {
    private final BasicCookieStore store;
    private final Clock clock;

    SessionCookies(BasicCookieStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<Cookie> list() {
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
        store.clear();
    }
}
