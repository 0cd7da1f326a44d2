package dev.throng.engine.run.internal;

import dev.throng.engine.http.HttpCall;
import dev.throng.engine.http.HttpResult;
import dev.throng.engine.http.HttpSession;
import dev.throng.engine.project.Header;
import dev.throng.engine.user.Transport;
import java.util.List;
import java.util.Optional;

/** One user's {@link HttpSession} seen as the user's {@link Transport}. Confined to the user's thread. */
public final class HttpTransport implements Transport {
    private final HttpSession session;

    /** The last response's headers and their conversion (see {@link #headersOf}); {@code null} while idle. */
    private List<dev.throng.engine.http.Header> lastIn;

    private List<Header> lastOut;

    public HttpTransport(HttpSession session) {
        this.session = session;
    }

    @Override
    public Reply send(Outgoing request) {
        List<Header> out = request.headers();
        List<dev.throng.engine.http.Header> headers = List.of();
        if (!out.isEmpty()) {
            var array = new dev.throng.engine.http.Header[out.size()];
            for (int i = 0; i < array.length; i++) {
                Header h = out.get(i);
                array[i] = new dev.throng.engine.http.Header(h.name(), h.value());
            }
            headers = List.of(array);
        }
        HttpCall call;
        try {
            call = new HttpCall(
                    request.method(),
                    request.uri(),
                    headers, // immutable already: HttpCall keeps it without a copy
                    request.body().length == 0 ? null : request.body());
        } catch (IllegalArgumentException e) {
            return Reply.failure("invalid-url", e.getMessage());
        }
        HttpResult r;
        try {
            r = session.execute(call);
        } catch (IllegalStateException e) {
            return Reply.failure("cancelled", "the run is closing");
        }
        var t = r.timings();
        return new Reply(
                r.status(),
                r.reason(),
                headersOf(r.headers()),
                r.body(),
                r.bodyBytes(),
                t.connectNanos(),
                t.tlsNanos(),
                t.firstByteNanos(),
                t.totalNanos(),
                r.failure() == null ? null : r.failure().kind().label(),
                r.failure() == null ? null : r.failure().message());
    }

    /**
     * The response headers as the project model's, an immutable list that {@link Reply} keeps without a copy. A
     * connection gives the same list again while a server sends the same headers, and so is the converted one.
     */
    private List<Header> headersOf(List<dev.throng.engine.http.Header> in) {
        if (in == lastIn) {
            return lastOut;
        }
        var back = new Header[in.size()];
        for (int i = 0; i < back.length; i++) {
            var h = in.get(i);
            back[i] = new Header(h.name(), h.value());
        }
        List<Header> out = List.of(back);
        lastIn = in;
        lastOut = out;
        return out;
    }

    @Override
    public void idle() {
        session.idle();
        lastIn = null; // a waiting user keeps no headers
        lastOut = null;
    }

    @Override
    public Optional<String> cookie(String name) {
        return session.cookies().value(name);
    }

    @Override
    public void close() {
        session.close();
    }
}
