/**
 * The Throng demo shop: a small, fast web shop on loopback that samples, tests and benchmarks run against. Imports
 * only the JDK ({@code com.sun.net.httpserver}); nothing else in Throng is imported, so any module may use it.
 *
 * <p>Public API: {@link dev.throng.demo.DemoShop} (start, options, URIs, close, {@code main}) and
 * {@link dev.throng.demo.Counters}. Everything else is package-private.
 *
 * <h2>Routes</h2>
 *
 * <ul>
 *   <li>{@code GET /} home page (HTML) linking products; {@code GET /products} JSON array of
 *       {@code {"id":1,"name":"...","price":12.5}}; {@code GET /product/{id}} one product, 404 for an unknown id.
 *   <li>{@code POST /login} form fields {@code username}, {@code password}: the accounts are {@code user0001} to
 *       {@code user9999} with password {@code passNNNN} ({@code samples/data/accounts.csv}). Success: 200
 *       {@code {"user":"user0042"}} and {@code Set-Cookie: session=<random>; Path=/; HttpOnly} (no {@code Secure}, so
 *       the cookie works on both listeners); bad credentials 401, missing fields 400.
 *   <li>{@code GET /account}, {@code GET /cart}, {@code POST /cart/add} (form field or query {@code id}),
 *       {@code POST /checkout} ({@code {"order":n,"items":k}}, empties the cart): 401 without a session.
 *       {@code GET /logout} ends the session.
 *   <li>Mobile API: {@code GET /api/v1/products} ({@code {"count":N,"products":[...]}}),
 *       {@code GET /api/v1/product/{id}}, {@code POST /api/v1/login} (JSON {@code {"username","password"}} to
 *       {@code {"token":"...","user":"..."}}, also sets the cookie), {@code GET /api/v1/cart} (cookie or
 *       {@code Authorization: Bearer <token>}).
 *   <li>{@code GET /slow?delay_ms=D&error_rate=E}: waits D ms; of N requests exactly floor(N*E) answer 500, spread
 *       evenly over one shop-wide sequence. {@code GET /delay/{ms}}: waits ms. {@code GET
 *       /mixed?fast_ms=F&slow_ms=S&slow_every=K}: every K-th request of a shop-wide sequence waits S ms, the others F
 *       ms (defaults 5, 200, 10). Delays are at most 600,000 ms; a bad parameter is a 400.
 *   <li>{@code GET /capacity}: a resource of fixed capacity (see {@link dev.throng.demo.DemoShop.Options}).
 * </ul>
 *
 * <h2>Controls (never counted)</h2>
 *
 * <ul>
 *   <li>{@code GET /_demo/counters}: {@code {"total":N,"routes":{"GET /product/{id}":n,...}}}; {@code POST
 *       /_demo/counters/reset} zeroes them, restarts the {@code /slow} and {@code /mixed} sequences and the
 *       {@code max_in_flight} of {@code /capacity}.
 *   <li>{@code POST /_demo/pause?ms=N}: for the next N ms every counted request waits before it is answered (0 ends
 *       the pause); {@code GET /_demo/pause}: {@code {"remaining_ms":..,"waiting":..}}.
 *   <li>{@code GET /_demo/capacity}: {@code {"slots":K,"service_ms":T,"max_rps":..,"in_flight":..,
 *       "max_in_flight":..,"queued":..}}.
 * </ul>
 *
 * <h2>Counting</h2>
 *
 * Every request is counted under its route, {@code "<METHOD> <pattern>"} such as {@code "GET /product/{id}"}, just
 * before its response is sent; unknown paths (404) and wrong methods (405) under {@code "<METHOD> (unmatched)"}.
 * Requests whose path starts with {@code /_demo/} are never counted.
 *
 * <p>Threads and time: one virtual thread per request; delays sleep it ({@code Thread.sleep}, and
 * {@code System.nanoTime} for the pause) since the shop cannot use the engine's clock.
 */
package dev.throng.demo;
