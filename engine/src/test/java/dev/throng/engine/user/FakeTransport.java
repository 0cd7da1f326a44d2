package dev.throng.engine.user;

import dev.throng.engine.project.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A transport that answers from a function and remembers what was sent. Confined to one thread. */
final class FakeTransport implements Transport {
    final List<Outgoing> sent = new ArrayList<>();
    final Map<String, String> cookies = new HashMap<>();
    private final Function<Outgoing, Reply> answer;
    boolean closed;

    FakeTransport(Function<Outgoing, Reply> answer) {
        this.answer = answer;
    }

    static Reply reply(int status, String body, Header... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String reason = switch (status) {
            case 200 -> "OK";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            default -> "";
        };
        return new Reply(status, reason, List.of(headers), bytes, bytes.length, 0, 0, 1000, 2000, null, null);
    }

    @Override
    public Reply send(Outgoing request) {
        sent.add(request);
        return answer.apply(request);
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    @Override
    public void close() {
        closed = true;
    }

    List<String> paths() {
        return sent.stream()
                .map(o -> o.method() + " " + o.uri().getRawPath()
                        + (o.uri().getRawQuery() == null ? "" : "?" + o.uri().getRawQuery()))
                .toList();
    }
}
