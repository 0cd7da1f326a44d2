package dev.throng.engine.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out local source addresses in turn, one per new connection, among those of the target's address family
 * (IPv4 or IPv6). Thread-safe.
 */
final class LocalAddressRotation {
    private final InetAddress[] v4;
    private final InetAddress[] v6;
    private final AtomicInteger nextV4 = new AtomicInteger();
    private final AtomicInteger nextV6 = new AtomicInteger();

    LocalAddressRotation(List<InetAddress> addresses) {
        List<InetAddress> four = new ArrayList<>();
        List<InetAddress> six = new ArrayList<>();
        for (InetAddress a : addresses) {
            (a instanceof Inet4Address ? four : six).add(a);
        }
        v4 = four.toArray(InetAddress[]::new);
        v6 = six.toArray(InetAddress[]::new);
    }

    /** True when no local address was configured (the operating system chooses). */
    boolean isEmpty() {
        return v4.length == 0 && v6.length == 0;
    }

    /** The next local address for a connection to {@code target}, or {@code null} when none of its family is set. */
    InetAddress next(InetAddress target) {
        boolean four = target instanceof Inet4Address;
        InetAddress[] pool = four ? v4 : v6;
        if (pool.length == 0) {
            return null;
        }
        int i = (four ? nextV4 : nextV6).getAndIncrement();
        return pool[Math.floorMod(i, pool.length)];
    }
}
