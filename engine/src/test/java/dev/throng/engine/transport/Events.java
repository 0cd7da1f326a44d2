package dev.throng.engine.transport;

import dev.throng.engine.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects events from an endpoint's thread; tests wait for one with a deadline (never a fixed sleep). */
final class Events<E> implements Consumer<E> {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<E> events = new ArrayList<>();
    private int consumed;

    @Override
    public synchronized void accept(E event) {
        events.add(event);
        notifyAll();
    }

    /** The first not yet awaited event of this type (earlier events of other types are skipped). */
    <T extends E> T await(Class<T> type) throws InterruptedException {
        return await(type, event -> true);
    }

    /** The first not yet awaited event of this type matching {@code test}, waiting up to {@link #WAIT}. */
    synchronized <T extends E> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
        long deadline = Clock.system().nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = consumed; i < events.size(); i++) {
                E event = events.get(i);
                if (type.isInstance(event) && test.test(type.cast(event))) {
                    consumed = i + 1;
                    return type.cast(event);
                }
            }
            long left = deadline - Clock.system().nanoTime();
            if (left <= 0) {
                StringBuilder b = new StringBuilder("Threads at the failed wait:\n");
                for (var e : Thread.getAllStackTraces().entrySet()) {
                    b.append(e.getKey()).append('\n');
                    for (var s : e.getValue()) b.append("   ").append(s).append('\n');
                }
                System.out.println(b);
                throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT + "; events: " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Every event received so far. */
    synchronized List<E> all() {
        return List.copyOf(events);
    }

    /** Whether any event so far is of this type. */
    synchronized boolean any(Class<? extends E> type) {
        return events.stream().anyMatch(type::isInstance);
    }
}
