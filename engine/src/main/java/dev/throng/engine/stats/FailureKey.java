package dev.throng.engine.stats;

/** What failures are grouped by. */
record FailureKey(String name, String method, String kind, String message) {}
