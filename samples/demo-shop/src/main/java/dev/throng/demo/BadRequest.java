package dev.throng.demo;

/** A request the shop cannot answer because of what the client sent; answered with 400 and the message. */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message, null, false, false);
    }
}
