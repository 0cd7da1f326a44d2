/**
 * Importers that turn recorded or copied traffic into project values: a {@code curl} command line into a request
 * ({@link dev.throng.engine.imports.CurlImporter}) and a browser HAR recording into a flow
 * ({@link dev.throng.engine.imports.HarImporter}).
 *
 * <p>Pure functions of their input (the HAR importer reads one file); stateless and thread-safe. Errors are
 * {@link dev.throng.engine.imports.ImportException}s whose message says what could not be read and what to do.
 *
 * <p>May import: the JDK, {@code engine.project}, and Jackson (the HAR reader is a codec of the HAR format).
 */
package dev.throng.engine.imports;
