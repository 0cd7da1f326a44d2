package dev.throng.engine.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * One agent's part of a run: how many users of each profile it runs and which rows of each unique data source it
 * may use. Immutable.
 *
 * @param usersPerProfile users per profile name (closed model); profiles absent here run no user on this agent
 * @param agentIndex this agent's index among the run's agents, from 0
 * @param agentCount the number of agents in the run, at least 1
 * @param uniqueRows the rows this agent may hand out, per data source id of the unique sources
 */
public record AgentShare(
        Map<String, Integer> usersPerProfile, int agentIndex, int agentCount, Map<String, RowPartition> uniqueRows) {

    public AgentShare {
        usersPerProfile = Map.copyOf(usersPerProfile);
        uniqueRows = Map.copyOf(uniqueRows);
        if (agentCount < 1 || agentIndex < 0 || agentIndex >= agentCount) {
            throw new IllegalArgumentException("agent index " + agentIndex + " is outside 0.." + (agentCount - 1)
                    + " (agent count " + agentCount + ")");
        }
        usersPerProfile.forEach((profile, users) -> {
            if (users < 0) {
                throw new IllegalArgumentException("negative users (" + users + ") for profile " + profile);
            }
        });
        Objects.requireNonNull(uniqueRows, "uniqueRows");
    }

    /** The users of all profiles together. */
    public int totalUsers() {
        return usersPerProfile.values().stream().mapToInt(Integer::intValue).sum();
    }
}
