package dev.throng.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The products of the shop, ids 1 to N, with names and prices that depend only on the id; and the responses about
 * them, rendered once at start so that answering costs no formatting. Immutable; thread-safe.
 */
final class Catalog {
    private static final String[] ADJECTIVES = {
        "Blue", "Red", "Green", "Small", "Large", "Wooden", "Steel", "Woollen", "Striped", "Folding", "Travel",
        "Classic"
    };
    private static final String[] NOUNS = {
        "Mug",
        "Lamp",
        "Chair",
        "Scarf",
        "Kettle",
        "Backpack",
        "Notebook",
        "Umbrella",
        "Teapot",
        "Clock",
        "Basket",
        "Blanket"
    };

    private final List<Product> products;
    private final Response[] byId;
    private final Response list;
    private final Response apiList;
    private final Response home;

    Catalog(int size) {
        List<Product> all = new ArrayList<>(size);
        for (int id = 1; id <= size; id++) {
            all.add(product(id));
        }
        products = List.copyOf(all);
        byId = new Response[size + 1];
        StringBuilder array = new StringBuilder(size * 48).append('[');
        for (Product p : products) {
            String json = p.json();
            byId[p.id()] = Response.json(200, json);
            if (p.id() > 1) {
                array.append(',');
            }
            array.append(json);
        }
        array.append(']');
        list = Response.json(200, array.toString());
        apiList = Response.json(200, "{\"count\":" + size + ",\"products\":" + array + "}");
        home = Response.html(homePage());
    }

    /** The product with this id; names cycle through adjective-noun pairs, prices run from 4.99 to 99.98. */
    static Product product(int id) {
        int i = id - 1;
        String name = ADJECTIVES[i % ADJECTIVES.length] + " " + NOUNS[(i / ADJECTIVES.length) % NOUNS.length];
        if (i >= ADJECTIVES.length * NOUNS.length) {
            name += " " + id;
        }
        long cents = 499 + (id * 7919L) % 9500;
        return new Product(id, name, cents);
    }

    int size() {
        return products.size();
    }

    /** The product with this id, or null when there is none. */
    Product find(int id) {
        return id >= 1 && id <= products.size() ? products.get(id - 1) : null;
    }

    /** The product whose id is the text {@code id}, or null when the text is not such an id. */
    Product find(String id) {
        if (id == null || id.isEmpty() || id.length() > 9) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return null;
            }
        }
        return find(Integer.parseInt(id));
    }

    /** {@code GET /product/{id}}: the product, or 404. */
    Response productResponse(String id) {
        Product p = find(id);
        return p == null ? Response.error(404, "no product with id '" + id + "'") : byId[p.id()];
    }

    /** {@code GET /products}: a JSON array of every product. */
    Response listResponse() {
        return list;
    }

    /** {@code GET /api/v1/products}: {@code {"count":N,"products":[...]}}. */
    Response apiListResponse() {
        return apiList;
    }

    /** {@code GET /}: the home page. */
    Response homeResponse() {
        return home;
    }

    private String homePage() {
        StringBuilder html = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Throng demo shop</title></head>\n<body>\n<h1>Throng demo shop</h1>\n")
                .append("<p><a href=\"/products\">All products (JSON)</a> · <a href=\"/cart\">Cart</a> · ")
                .append("<a href=\"/account\">Account</a></p>\n")
                .append("<form method=\"post\" action=\"/login\"><input name=\"username\" value=\"user0001\">")
                .append("<input name=\"password\" type=\"password\" value=\"pass0001\">")
                .append("<button>Log in</button></form>\n<ul>\n");
        for (Product p : products.subList(0, Math.min(20, products.size()))) {
            html.append("<li><a href=\"/product/")
                    .append(p.id())
                    .append("\">")
                    .append(p.name().replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</a> ")
                    .append(p.price())
                    .append("</li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }
}
