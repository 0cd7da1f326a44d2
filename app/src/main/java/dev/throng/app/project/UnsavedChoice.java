package dev.throng.app.project;

/** The answer to "save your changes?". */
public enum UnsavedChoice {
    SAVE,
    DISCARD,
    CANCEL
}
