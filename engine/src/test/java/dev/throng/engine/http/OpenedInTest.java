package dev.throng.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test opened (engines, sessions, servers, sockets), closed after it in reverse order, and a latch that
 * server handlers hold on until then. Register as an instance field: {@code @RegisterExtension final OpenedInTest
 * opened = new OpenedInTest();}.
 *
 * <p>After each test it first releases the handlers waiting in {@link #holdUntilCleanUp()}, so that closing a server
 * does not wait for a handler that would otherwise sit out its full wait, then closes what {@link #closeLater} was
 * given, last opened first. Used from the test's thread and from server handler threads; the list is only touched by
 * the test's thread.
 */
final class OpenedInTest implements AfterEachCallback {
    /** The longest a handler holds in {@link #holdUntilCleanUp()}, s, should the clean-up never come. */
    static final long HOLD_LIMIT_SECONDS = 10;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Closes {@code c} after the test (before what was given earlier); returns it. */
    <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    /**
     * Blocks a server handler until the test is over (at most {@value #HOLD_LIMIT_SECONDS} s): a server that says
     * nothing more.
     */
    void holdUntilCleanUp() throws InterruptedException {
        release.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        release.countDown();
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }
}
