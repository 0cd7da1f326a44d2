/**
 * Implementation details of {@code engine.user}: a small dependency-free JSON reader and JSONPath evaluator (only the
 * codecs may use Jackson), the CSV parser, and requests compiled once per run. Not API: may change at any time.
 *
 * <p>Imports the JDK and {@code engine.project}.
 */
package dev.throng.engine.user.internal;
