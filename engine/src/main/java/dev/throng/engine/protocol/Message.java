package dev.throng.engine.protocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message between the controller and an agent. The set is closed: handle it with an exhaustive {@code switch}.
 *
 * <p>Direction: {@link Hello}, {@link Stats} and {@link Ended} go from an agent to the controller; {@link Welcome}, {@link Refused},
 * {@link ProjectShipment}, {@link Start}, {@link Change} and {@link Stop} go from the controller to an agent;
 * {@link Heartbeat}, {@link Bye} and {@link Error} go both ways. All records are immutable (byte arrays are copied in
 * and out) and thread-safe.
 */
public sealed interface Message {

    /** The protocol version this build speaks. Peers of another version are refused with both versions named. */
    int PROTOCOL_VERSION = 2;

    /**
     * An agent introduces itself (its first message, repeated until welcomed).
     *
     * @param agentId the agent's name, unique in the farm (e.g. the host name)
     * @param protocolVersion the protocol it speaks ({@link #PROTOCOL_VERSION} for this build)
     * @param throngVersion its release, e.g. {@code 0.1.0}
     * @param cores available processors
     * @param memoryBytes the most heap it may use, bytes
     * @param openFileLimit its process's limit of open files, or -1 when unknown
     * @param hostName its host name
     */
    record Hello(
            String agentId,
            int protocolVersion,
            String throngVersion,
            int cores,
            long memoryBytes,
            long openFileLimit,
            String hostName)
            implements Message {
        public Hello {
            Checks.nonBlank(agentId, "agentId");
            Checks.text(throngVersion, "throngVersion");
            Checks.text(hostName, "hostName");
            if (protocolVersion < 0 || protocolVersion > 0xFFFF) {
                throw new IllegalArgumentException("protocol version " + protocolVersion + " is out of 0..65535");
            }
        }
    }

    /** The controller admits an agent. {@code controllerId} names the controller (host and process) in logs. */
    record Welcome(String controllerId) implements Message {
        public Welcome {
            Checks.text(controllerId, "controllerId");
        }
    }

    /**
     * The controller refuses an agent; the reason is for people (e.g. both versions when they do not match). Its
     * layout never changes between protocol versions, so an agent of any version can read it.
     */
    record Refused(String reason) implements Message {
        public Refused {
            Checks.text(reason, "reason");
        }
    }

    /**
     * The project and this agent's part of a run.
     *
     * @param runId the run
     * @param projectJson the project file's text ({@code throng-project/N})
     * @param dataFiles the files the project reads, by path relative to the project file ('/' separators, no
     *     {@code ..})
     * @param share this agent's users and unique rows
     * @param plan how to carry out the plan
     */
    record ProjectShipment(
            String runId, String projectJson, Map<String, byte[]> dataFiles, AgentShare share, PlanParameters plan)
            implements Message {
        public ProjectShipment {
            Checks.nonBlank(runId, "runId");
            Checks.text(projectJson, "projectJson");
            Objects.requireNonNull(share, "share");
            Objects.requireNonNull(plan, "plan");
            var copy = new LinkedHashMap<String, byte[]>();
            dataFiles.forEach((path, bytes) -> {
                Checks.relativePath(path);
                copy.put(path, bytes.clone());
            });
            dataFiles = java.util.Collections.unmodifiableMap(copy);
        }

        /** The data files; each array is a copy. */
        @Override
        public Map<String, byte[]> dataFiles() {
            var copy = new LinkedHashMap<String, byte[]>();
            dataFiles.forEach((path, bytes) -> copy.put(path, bytes.clone()));
            return copy;
        }

        /** The bytes of all data files together. */
        public long dataBytes() {
            return dataFiles.values().stream().mapToLong(b -> b.length).sum();
        }

        /** Data files without copying; for the codec. */
        Map<String, byte[]> dataFilesUnsafe() {
            return dataFiles;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ProjectShipment that)
                    || !runId.equals(that.runId)
                    || !projectJson.equals(that.projectJson)
                    || !share.equals(that.share)
                    || !plan.equals(that.plan)
                    || !dataFiles.keySet().equals(that.dataFiles.keySet())) {
                return false;
            }
            for (var entry : dataFiles.entrySet()) {
                if (!Arrays.equals(entry.getValue(), that.dataFiles.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = Objects.hash(runId, projectJson, share, plan);
            for (var entry : dataFiles.entrySet()) {
                hash += entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue());
            }
            return hash;
        }

        @Override
        public String toString() {
            return "ProjectShipment[runId=" + runId + ", projectJson=" + projectJson.length() + " chars, dataFiles="
                    + dataFiles.keySet() + " (" + dataBytes() + " bytes), share=" + share + ", plan=" + plan + "]";
        }
    }

    /** Start the prepared run at {@code startAtMillis} (wall clock, ms since the epoch), so agents start together. */
    record Start(String runId, long startAtMillis) implements Message {
        public Start {
            Checks.nonBlank(runId, "runId");
        }
    }

    /**
     * Change a running run. Each nullable field, when set, replaces the current value.
     *
     * @param runId the run
     * @param targetUsers this agent's new number of users, or {@code null}
     * @param spawnRate users started or stopped per second, or {@code null}
     * @param arrivalRate arrivals per second (open model), or {@code null}
     * @param weights new profile weights by profile name, or {@code null}
     * @param share more unique rows for this agent (its {@link AgentShare#uniqueRows()}, to hand out after the rows it
     *     has: rows another agent left unused), or {@code null}; its users are not used (see {@code targetUsers})
     */
    record Change(
            String runId,
            Integer targetUsers,
            Double spawnRate,
            Double arrivalRate,
            Map<String, Double> weights,
            AgentShare share)
            implements Message {
        public Change {
            Checks.nonBlank(runId, "runId");
            if (targetUsers != null && targetUsers < 0) {
                throw new IllegalArgumentException("negative target users " + targetUsers);
            }
            Checks.nonNegativeOrNull(spawnRate, "spawnRate");
            Checks.nonNegativeOrNull(arrivalRate, "arrivalRate");
            if (weights != null) {
                weights = Map.copyOf(weights);
                weights.forEach((profile, weight) -> Checks.nonNegativeOrNull(weight, "weight of " + profile));
            }
        }
    }

    /** Stop the run: gracefully (users finish their step) or at once. */
    record Stop(String runId, boolean graceful) implements Message {
        public Stop {
            Checks.nonBlank(runId, "runId");
        }
    }

    /**
     * An agent's statistics of one interval.
     *
     * @param runId the run
     * @param sequence the interval's number, from 1, without gaps
     * @param users users running at the end of the interval
     * @param cpu process CPU share in {@code [0, 1]} of the agent's machine, or -1 when unknown
     * @param memoryBytes heap in use, bytes, or -1
     * @param intervalPayload the encoded interval statistics (counters and histograms; the stats package defines
     *     the encoding, this package carries it as it is)
     * @param droppedArrivals arrivals this agent dropped since its run started (open model), cumulative, at least 0
     * @param rowsTaken rows this agent has handed out so far, per unique data source id, cumulative
     * @param warnings warnings of the agent's run that appeared since its previous statistics (for people)
     */
    record Stats(
            String runId,
            long sequence,
            int users,
            double cpu,
            long memoryBytes,
            byte[] intervalPayload,
            long droppedArrivals,
            Map<String, Long> rowsTaken,
            java.util.List<String> warnings)
            implements Message {
        public Stats {
            Checks.nonBlank(runId, "runId");
            if (Double.isNaN(cpu)) {
                throw new IllegalArgumentException("cpu is NaN");
            }
            if (droppedArrivals < 0) {
                throw new IllegalArgumentException("negative dropped arrivals " + droppedArrivals);
            }
            intervalPayload = intervalPayload.clone();
            rowsTaken = Map.copyOf(rowsTaken);
            rowsTaken.forEach((source, rows) -> {
                if (rows < 0) {
                    throw new IllegalArgumentException("negative rows taken (" + rows + ") of " + source);
                }
            });
            warnings = java.util.List.copyOf(warnings);
            warnings.forEach(w -> Checks.text(w, "warning"));
        }

        /** Statistics without dropped arrivals, rows taken or warnings. */
        public Stats(String runId, long sequence, int users, double cpu, long memoryBytes, byte[] intervalPayload) {
            this(runId, sequence, users, cpu, memoryBytes, intervalPayload, 0, Map.of(), java.util.List.of());
        }

        /** A copy of the payload. */
        @Override
        public byte[] intervalPayload() {
            return intervalPayload.clone();
        }

        /** The payload's length in bytes. */
        public int payloadLength() {
            return intervalPayload.length;
        }

        byte[] payloadUnsafe() {
            return intervalPayload;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stats that
                    && runId.equals(that.runId)
                    && sequence == that.sequence
                    && users == that.users
                    && Double.compare(cpu, that.cpu) == 0
                    && memoryBytes == that.memoryBytes
                    && Arrays.equals(intervalPayload, that.intervalPayload)
                    && droppedArrivals == that.droppedArrivals
                    && rowsTaken.equals(that.rowsTaken)
                    && warnings.equals(that.warnings);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, sequence, users, cpu, memoryBytes, droppedArrivals, rowsTaken, warnings) * 31
                    + Arrays.hashCode(intervalPayload);
        }

        @Override
        public String toString() {
            return "Stats[runId=" + runId + ", sequence=" + sequence + ", users=" + users + ", cpu=" + cpu
                    + ", memoryBytes=" + memoryBytes + ", intervalPayload=" + intervalPayload.length
                    + " bytes, droppedArrivals=" + droppedArrivals + ", rowsTaken=" + rowsTaken + ", warnings="
                    + warnings + "]";
        }
    }

    /**
     * An agent's part of a run has ended (its users are gone) and its last {@link Stats} were sent before this. Sent
     * once per run, whatever ended it.
     *
     * @param runId the run
     * @param failure why the part failed (for people, e.g. a unique data source ran out), or {@code null} when it
     *     completed or was stopped
     */
    record Ended(String runId, String failure) implements Message {
        public Ended {
            Checks.nonBlank(runId, "runId");
            if (failure != null) {
                Checks.text(failure, "failure");
            }
        }
    }

    /** I am alive. {@code sentAtMillis} is the sender's wall clock (ms since the epoch). */
    record Heartbeat(long sentAtMillis, PeerState state) implements Message {
        public Heartbeat {
            Objects.requireNonNull(state, "state");
        }
    }

    /** The sender leaves (agent shutting down, or the controller dismissing an agent it does not know). */
    record Bye(String reason) implements Message {
        public Bye {
            Checks.text(reason, "reason");
        }
    }

    /** Something went wrong on the sender's side; the message is for people. */
    record Error(String message) implements Message {
        public Error {
            Checks.text(message, "message");
        }
    }
}
