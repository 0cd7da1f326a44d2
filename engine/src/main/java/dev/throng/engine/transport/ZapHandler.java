package dev.throng.engine.transport;

import dev.throng.engine.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.zeromq.ZMQ;

/**
 * Answers ZAP requests (ZeroMQ RFC 27) for a CURVE server: admits the client keys of the {@link AllowList}, refuses
 * every other key and reports it (at most once per key every 30 s, as a refused client reconnects again and again).
 *
 * <p>Without such a handler bound at {@link #ENDPOINT} in the server socket's context, a CURVE server admits every
 * client key. Confined to the controller's socket thread, which owns the REP socket.
 */
final class ZapHandler {
    static final String ENDPOINT = "inproc://zeromq.zap.01";
    private static final long REPORT_EVERY_NANOS = 30_000_000_000L;

    private final AllowList allowList;
    private final Clock clock;
    private final BiConsumer<String, String> refused;
    private final Map<String, Long> lastReported = new HashMap<>();

    /**
     * @param refused called with (who, reason) for each refused key (rate-limited per key)
     */
    ZapHandler(AllowList allowList, Clock clock, BiConsumer<String, String> refused) {
        this.allowList = allowList;
        this.clock = clock;
        this.refused = refused;
    }

    /** Answers every pending request on {@code zap} (a REP socket). */
    void handlePending(ZMQ.Socket zap) {
        byte[] first;
        while ((first = zap.recv(ZMQ.DONTWAIT)) != null) {
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (zap.hasReceiveMore()) {
                frames.add(zap.recv(0));
            }
            answer(zap, frames);
        }
    }

    private void answer(ZMQ.Socket zap, List<byte[]> frames) {
        // version, request id, domain, address, identity, mechanism, credentials...
        byte[] requestId = frames.size() > 1 ? frames.get(1) : new byte[0];
        String address = frames.size() > 3 ? text(frames.get(3)) : "?";
        String mechanism = frames.size() > 5 ? text(frames.get(5)) : "?";
        String status;
        String statusText;
        String userId = "";
        if (frames.size() < 7 || !"1.0".equals(text(frames.get(0)))) {
            status = "500";
            statusText = "malformed ZAP request";
        } else if (!"CURVE".equals(mechanism) || frames.get(6).length != 32) {
            status = "400";
            statusText = "only CURVE clients are admitted";
            report("a " + mechanism + " client from " + address, "it does not use CURVE encryption");
        } else {
            String key = ZMQ.Curve.z85Encode(frames.get(6));
            if (allowList.admits(key)) {
                status = "200";
                statusText = "OK";
                userId = key;
            } else {
                status = "400";
                statusText = "key not in the allow-list";
                report(
                        "agent key " + key + " from " + address,
                        "its public key is not in the allow-list (add its .pub file to the authorized/ folder of the"
                                + " controller's keys to admit it)");
            }
        }
        zap.sendMore("1.0");
        zap.sendMore(requestId);
        zap.sendMore(status);
        zap.sendMore(statusText);
        zap.sendMore(userId);
        zap.send(new byte[0], 0);
    }

    private void report(String who, String reason) {
        long now = clock.nanoTime();
        Long last = lastReported.get(who);
        if (last == null || now - last >= REPORT_EVERY_NANOS) {
            if (lastReported.size() > 10_000) {
                lastReported.clear();
            }
            lastReported.put(who, now);
            refused.accept(who, reason);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
