package dev.throng.demo;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shop itself: pages for browsers ({@code /}, {@code /products}, {@code /login}, {@code /cart} ...) and the JSON
 * API for mobile clients under {@code /api/v1/}. Thread-safe; the only shared mutable state is the sessions (a
 * concurrent map) and the order number.
 */
final class ShopRoutes {
    private static final Response NOT_LOGGED_IN = Response.error(
                    401, "not logged in: POST /login (form fields username, password) and send the session cookie")
            .with("WWW-Authenticate", "Bearer realm=\"demo-shop\"");
    private static final Response BAD_CREDENTIALS = Response.error(
                    401, "unknown user or wrong password; the test accounts are user0001..user9999 with passNNNN")
            .with("WWW-Authenticate", "Bearer realm=\"demo-shop\"");
    private static final Response LOGGED_OUT =
            Response.json(200, "{\"logged_out\":true}").with("Set-Cookie", Sessions.clearCookie());

    private final Catalog catalog;
    private final Sessions sessions;
    private final AtomicLong orderNumbers = new AtomicLong();

    ShopRoutes(Catalog catalog, Sessions sessions) {
        this.catalog = catalog;
        this.sessions = sessions;
    }

    void addTo(Router router) {
        router.add("GET", "/", r -> catalog.homeResponse())
                .add("GET", "/products", r -> catalog.listResponse())
                .add("GET", "/product/{id}", r -> catalog.productResponse(r.pathParam()))
                .add("POST", "/login", this::formLogin)
                .add("GET", "/account", this::account)
                .add("GET", "/cart", this::cart)
                .add("POST", "/cart/add", this::addToCart)
                .add("POST", "/checkout", this::checkout)
                .add("GET", "/logout", this::logout)
                .add("GET", "/api/v1/products", r -> catalog.apiListResponse())
                .add("GET", "/api/v1/product/{id}", r -> catalog.productResponse(r.pathParam()))
                .add("POST", "/api/v1/login", this::apiLogin)
                .add("GET", "/api/v1/cart", this::cart);
    }

    private Response formLogin(Request request) throws IOException {
        String username = request.formField("username");
        String password = request.formField("password");
        if (username == null || password == null) {
            throw new BadRequest("send the form fields username and password (application/x-www-form-urlencoded)");
        }
        if (!Accounts.valid(username, password)) {
            return BAD_CREDENTIALS;
        }
        Session session = sessions.open(username);
        return Response.json(200, "{\"user\":" + Json.quote(username) + "}")
                .with("Set-Cookie", Sessions.setCookie(session));
    }

    private Response apiLogin(Request request) throws IOException {
        Map<String, String> body = Json.parseFlatObject(request.bodyText());
        String username = body.get("username");
        String password = body.get("password");
        if (username == null || password == null) {
            throw new BadRequest("send a JSON object with \"username\" and \"password\"");
        }
        if (!Accounts.valid(username, password)) {
            return BAD_CREDENTIALS;
        }
        Session session = sessions.open(username);
        return Response.json(200, "{\"token\":" + Json.quote(session.id()) + ",\"user\":" + Json.quote(username) + "}")
                .with("Set-Cookie", Sessions.setCookie(session));
    }

    private Response account(Request request) {
        Session session = sessions.find(request);
        if (session == null) {
            return NOT_LOGGED_IN;
        }
        return Response.json(
                200,
                "{\"user\":" + Json.quote(session.user()) + ",\"orders\":" + session.orders() + ",\"cart_items\":"
                        + session.cart().size() + "}");
    }

    private Response cart(Request request) {
        Session session = sessions.find(request);
        if (session == null) {
            return NOT_LOGGED_IN;
        }
        List<Product> items = session.cart();
        StringBuilder json = new StringBuilder(64 + items.size() * 48)
                .append("{\"user\":")
                .append(Json.quote(session.user()))
                .append(",\"count\":")
                .append(items.size())
                .append(",\"total\":")
                .append(Product.units(
                        items.stream().mapToLong(Product::priceCents).sum()))
                .append(",\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        return Response.json(200, json.append("]}").toString());
    }

    private Response addToCart(Request request) throws IOException {
        Session session = sessions.find(request);
        if (session == null) {
            return NOT_LOGGED_IN;
        }
        String id = request.formOrQuery("id");
        if (id == null) {
            throw new BadRequest("say which product to add: form field or query parameter id");
        }
        Product product = catalog.find(id);
        if (product == null) {
            return Response.error(404, "no product with id '" + id + "'");
        }
        int count = session.add(product);
        return Response.json(200, "{\"added\":" + product.id() + ",\"count\":" + count + "}");
    }

    private Response checkout(Request request) {
        Session session = sessions.find(request);
        if (session == null) {
            return NOT_LOGGED_IN;
        }
        int items = session.checkout();
        long order = orderNumbers.incrementAndGet();
        return Response.json(200, "{\"order\":" + order + ",\"items\":" + items + "}");
    }

    private Response logout(Request request) {
        Session session = sessions.find(request);
        if (session != null) {
            sessions.end(session.id());
        }
        return LOGGED_OUT;
    }
}
