/**
 * Load-plan maths: the schedule of each plan as a pure function of elapsed time (users wanted now, arrival instants),
 * the placement of users on profiles, the weighted choice of the next step of a flow, and the steps of a capacity
 * search as a state machine ({@link dev.throng.engine.load.CapacitySearch}). No threads, no clock: callers
 * pass elapsed nanoseconds and a seeded random generator.
 *
 * <p>Imports the JDK and {@code engine.project}. Every class here is immutable and thread-safe unless its doc says
 * otherwise.
 */
package dev.throng.engine.load;
