package dev.throng.demo;

import java.math.BigDecimal;

/** One product of the catalogue; {@code priceCents} is the price in cents. Immutable. */
record Product(int id, String name, long priceCents) {
    /** The price as a JSON number in units, without trailing zeros ({@code 12.5}). */
    String price() {
        return units(priceCents);
    }

    /** An amount in cents as a JSON number in units, without trailing zeros ({@code 1250} is {@code 12.5}). */
    static String units(long cents) {
        return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
    }

    /** {@code {"id":1,"name":"...","price":12.5}}. */
    String json() {
        return "{\"id\":" + id + ",\"name\":" + Json.quote(name) + ",\"price\":" + price() + "}";
    }
}
