/**
 * The Throng engine: the project model and its file, HTTP execution, the scheduler of simulated users,
 * statistics, the controller/agent protocol and reports.
 *
 * <p>May import: the JDK, HttpClient 5 (only {@code engine.http}), JeroMQ (only {@code engine.transport}),
 * Jackson (only the codecs), HdrHistogram. Never JavaFX or picocli.
 */
package dev.throng.engine;
