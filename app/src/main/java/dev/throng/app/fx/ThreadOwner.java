package dev.throng.app.fx;

/**
 * Remembers the thread that created a view-model and checks that later calls come from it. In the app that thread
 * is the FX thread; in unit tests it is the test's thread, so view-models stay testable as plain objects.
 */
public final class ThreadOwner {
    private final Thread owner = Thread.currentThread();

    /** Throws unless called on the owning thread. */
    public void check() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("called from "
                    + Thread.currentThread().getName() + "; this object is confined to " + owner.getName());
        }
    }
}
