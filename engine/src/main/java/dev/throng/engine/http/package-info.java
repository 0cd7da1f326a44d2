/**
 * HTTP execution for simulated users: one {@link dev.throng.engine.http.HttpEngine} per run, one
 * {@link dev.throng.engine.http.HttpSession} per simulated user, blocking calls made from the user's virtual thread.
 *
 * <p>Everything public here is Throng's own types: {@link dev.throng.engine.http.HttpCall} in,
 * {@link dev.throng.engine.http.HttpResult} out, transport problems as {@link dev.throng.engine.http.HttpFailure}
 * values (never exceptions). The implementation (package-private classes) is built on Apache HttpClient 5: with one
 * connection per user ({@code PER_USER}, the default) each session writes its requests onto its own connection with
 * HttpCore's request executor ({@code DirectClient}: cookies, redirects, decoding done here, no execution chain); with a
 * shared pool ({@code SHARED}) the classic client does the work, behind a fair semaphore of one permit per pooled
 * connection. Response heads are read by our own parser ({@code ResponseHeadParser}). Between calls a session keeps
 * no call state; {@link dev.throng.engine.http.HttpSession#idle()} also parks its connections as bare sockets. The
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
