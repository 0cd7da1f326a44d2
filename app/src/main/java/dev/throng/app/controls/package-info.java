/**
 * Reusable JavaFX controls: {@link dev.throng.app.controls.TemplateField} (a text field for {@code ${var}} templates
 * with highlighting and completion) and {@link dev.throng.app.controls.CommitField} (commits on Enter or focus loss).
 *
 * <p>FX thread only. May import the JDK and JavaFX.
 */
package dev.throng.app.controls;
