/**
 * HTTP execution for simulated users: one {@link dev.throng.engine.http.HttpEngine} per run, one
 * {@link dev.throng.engine.http.HttpSession} per simulated user, blocking calls made from the user's virtual thread.
 *
 * <p>Everything public here is Throng's own types: {@link dev.throng.engine.http.HttpCall} in,
 * {@link dev.throng.engine.http.HttpResult} out, transport problems as {@link dev.throng.engine.http.HttpFailure}
 * values (never exceptions). With one connection per user ({@code PER_USER}, the default) each session writes its
 * requests onto its own connection with an HTTP/1.1 exchange of this package ({@code DirectClient} over
 * {@code Http1Connection}: cookies, redirects, decoding, framing and keep-alive done here, with HttpCore's rules and
 * exception types; HttpClient's connection operator opens the connections); with a shared pool ({@code SHARED})
 * HttpClient's classic client does the work, behind a fair semaphore of one permit per pooled connection, and reads
 * response heads with our own parser ({@code ResponseHeadParser}). Between calls a session keeps no request; its
 * connection keeps its buffers and the last response head (to give it again when the next one is the same), and
 * {@link dev.throng.engine.http.HttpSession#idle()} drops all that, parking its connections as bare sockets. The
 * response timeout is not a socket timeout: one {@code ReadWatchdog} thread per engine closes the socket of a read
 * blocked too long ({@code WatchedSocket}), which fails as a response timeout as before.
 *
 * <p>May import: the JDK, Apache HttpClient 5 ({@code org.apache.hc.*}, only this package in the whole project) and
 * {@code dev.throng.engine.time}. It does not know the project model: the run layer maps the project's settings to
 * {@link dev.throng.engine.http.HttpOptions}.
 *
 * <p>Time: every duration in results is in nanoseconds and read from the injected {@link dev.throng.engine.time.Clock}.
 */
package dev.throng.engine.http;
