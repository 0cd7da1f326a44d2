package dev.throng.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A logged-in session: its id (the value of the {@code session} cookie and of the API bearer token), its user and its
 * cart. Thread-safe: the cart and order count are guarded by the session's monitor (only the same user's requests
 * contend).
 */
final class Session {
    private final String id;
    private final String user;
    private final List<Product> cart = new ArrayList<>(); // guarded by this
    private int orders; // guarded by this

    Session(String id, String user) {
        this.id = id;
        this.user = user;
    }

    String id() {
        return id;
    }

    String user() {
        return user;
    }

    /** Adds a product; returns the number of items now in the cart. */
    synchronized int add(Product product) {
        cart.add(product);
        return cart.size();
    }

    /** The items in the cart, in the order added. */
    synchronized List<Product> cart() {
        return List.copyOf(cart);
    }

    /** Empties the cart and counts an order; returns how many items it had. */
    synchronized int checkout() {
        int items = cart.size();
        cart.clear();
        orders++;
        return items;
    }

    synchronized int orders() {
        return orders;
    }
}
