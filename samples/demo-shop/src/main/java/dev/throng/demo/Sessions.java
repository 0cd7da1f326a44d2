package dev.throng.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sessions, shared by the http and https listeners. A session is found from the {@code session} cookie or an
 * {@code Authorization: Bearer} header carrying the same id. Sessions do not expire; beyond {@link #MAX_SESSIONS} the
 * oldest-looking one is dropped to bound memory. Thread-safe and lock-free apart from the random generator.
 */
final class Sessions {
    static final String COOKIE = "session";
    static final int MAX_SESSIONS = 1_000_000;

    private final ConcurrentHashMap<String, Session> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Opens a session for {@code user} with a new random id. */
    Session open(String user) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), user);
        if (open.size() >= MAX_SESSIONS) {
            Iterator<String> ids = open.keySet().iterator();
            if (ids.hasNext()) {
                open.remove(ids.next());
            }
        }
        open.put(session.id(), session);
        return session;
    }

    /** The session of the request's cookie, else of its bearer token; null when neither names an open session. */
    Session find(Request request) {
        String id = request.cookie(COOKIE);
        Session session = id == null ? null : open.get(id);
        if (session != null) {
            return session;
        }
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return open.get(authorization.substring(7).strip());
        }
        return null;
    }

    /** Ends the session with this id (nothing when there is none). */
    void end(String id) {
        open.remove(id);
    }

    /** {@code session=<id>; Path=/; HttpOnly} — without Secure, so a cookie got over https also works over http. */
    static String setCookie(Session session) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly";
    }

    /** The Set-Cookie value that removes the session cookie. */
    static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly";
    }
}
