package dev.throng.engine.project.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of the file format's history: turns the JSON tree of format {@code throng-project/N} into the tree of
 * {@code N+1}, before binding. Steps are chained by {@link Migrations}. Implementations are stateless.
 */
interface Migration {

    /** The version this step reads ({@code N}); it produces {@code N+1}. */
    int fromVersion();

    /** Rewrites {@code root} in place (the {@code format} member is set by {@link Migrations} afterwards). */
    void apply(ObjectNode root);
}
