package dev.throng.demo;

import java.io.IOException;

/** Answers the requests of one route. Called on the request's virtual thread; implementations are thread-safe. */
@FunctionalInterface
interface Handler {
    /**
     * @throws BadRequest for a request the client got wrong (answered 400)
     * @throws InterruptedException when the shop is closing while the handler waits
     */
    Response handle(Request request) throws IOException, InterruptedException;
}
