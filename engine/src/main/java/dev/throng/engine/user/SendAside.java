package dev.throng.engine.user;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends one request from a short-lived helper virtual thread while the user's own virtual thread parks, as shallow as
 * it can, until the reply is there.
 *
 * <p>Why: a parked virtual thread keeps a stack chunk as large as the deepest stack it ever parked with, and socket
 * I/O parks deep inside the HTTP code; the helper's deep chunk goes away with the helper. Cost: a thread start and a
 * hand-off per request, so {@link VirtualUser} uses it only for users that think long.
 *
 * <p>The helper uses the user's transport while the user waits, so the transport is still used by one thread at a
 * time. An interrupt of the user's thread (a kill) is passed on to the helper and stays set on the user's thread.
 */
final class SendAside implements Runnable {
    private final Transport transport;
    private final Transport.Outgoing out;
    private final Thread user;
    private Transport.Reply reply;
    private RuntimeException error;
    private InterruptedException interrupted;
    private volatile boolean done;

    private SendAside(Transport transport, Transport.Outgoing out, Thread user) {
        this.transport = transport;
        this.out = out;
        this.user = user;
    }

    /** Sends {@code out} through {@code transport} from a helper thread; the caller must be a virtual thread. */
    static Transport.Reply send(Transport transport, Transport.Outgoing out) throws InterruptedException {
        SendAside aside = new SendAside(transport, out, Thread.currentThread());
        Thread helper = Thread.ofVirtual().start(aside);
        boolean wasInterrupted = false;
        while (!aside.done) {
            LockSupport.park(aside);
            if (Thread.interrupted()) {
                wasInterrupted = true;
                helper.interrupt();
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
        if (aside.interrupted != null) {
            throw aside.interrupted;
        }
        if (aside.error != null) {
            throw aside.error;
        }
        return aside.reply;
    }

    @Override
    public void run() {
        try {
            reply = transport.send(out);
        } catch (InterruptedException e) {
            interrupted = e;
        } catch (RuntimeException e) {
            error = e;
        } finally {
            done = true;
            LockSupport.unpark(user);
        }
    }
}
