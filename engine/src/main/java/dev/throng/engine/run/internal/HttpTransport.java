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

    public HttpTransport(HttpSession session) {
        this.session = session;
    }

    @Override
    public Reply send(Outgoing request) {
        List<Header> out = request.headers();
        var headers = new dev.throng.engine.http.Header[out.size()];
        for (int i = 0; i < headers.length; i++) {
            Header h = out.get(i);
            headers[i] = new dev.throng.engine.http.Header(h.name(), h.value());
        }
        HttpCall call;
        try {
            call = new HttpCall(
                    request.method(),
                    request.uri(),
                    List.of(headers), // immutable already: HttpCall keeps it without a copy
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
        List<dev.throng.engine.http.Header> in = r.headers();
        var back = new Header[in.size()];
        for (int i = 0; i < back.length; i++) {
            var h = in.get(i);
            back[i] = new Header(h.name(), h.value());
        }
        var t = r.timings();
        return new Reply(
                r.status(),
                r.reason(),
                List.of(back), // immutable already: Reply keeps it without a copy
                r.body(),
                r.bodyBytes(),
                t.connectNanos(),
                t.tlsNanos(),
                t.firstByteNanos(),
                t.totalNanos(),
                r.failure() == null ? null : r.failure().kind().label(),
                r.failure() == null ? null : r.failure().message());
    }

    @Override
    public void idle() {
        session.idle();
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
