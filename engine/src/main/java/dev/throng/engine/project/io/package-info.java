/**
 * The project file format ({@code throng-project/N}): {@link dev.throng.engine.project.io.ProjectFiles} reads (with
 * every problem located by file, JSON path, line and column), writes canonical text and saves atomically; older
 * formats are migrated on reading.
 *
 * <p>The only package of the project model that imports Jackson; Jackson types never appear in its public API. Also
 * imports the JDK and {@code dev.throng.engine.project}.
 */
package dev.throng.engine.project.io;
