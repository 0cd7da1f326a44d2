package dev.throng.engine.user;

import java.util.random.RandomGenerator;

/**
 * What a template may read while it is rendered: one user's variables, the run's environment and the values of the
 * built-ins. Confined to the rendering user's thread, except {@link #nextCounter()}, which is shared by the run.
 */
public interface TemplateContext {
    /** The variable's value, or {@code null} when it is not set. */
    String variable(String name);

    /** The environment variable {@code NAME} of {@code ${env:NAME}}, or {@code null} when it is not set. */
    String environment(String name);

    /** {@code ${__userIndex}}: the user's number in the run, from 0. */
    long userIndex();

    /** {@code ${__agentIndex}}: the agent's number, from 0 (0 for a local run). */
    int agentIndex();

    /** {@code ${__counter}}: the next value of the run's counter (1, 2, 3, ...). */
    long nextCounter();

    /** {@code ${__now}}: wall-clock time, ms since the epoch. */
    long nowMillis();

    /** The user's random generator ({@code ${__randomInt(a,b)}}, {@code ${__uuid}}). */
    RandomGenerator random();
}
