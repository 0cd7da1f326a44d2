package dev.throng.engine.run;

import dev.throng.engine.project.LoadPlan;
import java.time.Duration;
import java.util.List;

/**
 * Changes to a project's load plan and target for one run, as the command line's {@code --users},
 * {@code --spawn-rate}, {@code --duration} and {@code --host} give them. {@code null} leaves the plan's value.
 *
 * <p>Closed plan: {@code users} or {@code spawnRate} replace the stages by one ramp to {@code users} (the plan's users,
 * or its highest stage target) at {@code spawnRate} users/s. Open plan: {@code spawnRate} replaces the stages by a
 * constant rate of that many arrivals/s and {@code users} sets the most concurrent arrivals. {@code duration} is the
 * length of the run in both (it also cuts a longer staged plan short). {@code host} replaces the project's base URL
 * (e.g. {@code http://127.0.0.1:8080}). Immutable.
 *
 * @param users the number of users (closed) or the most concurrent arrivals (open)
 * @param spawnRate users started per second (closed) or arrivals per second (open)
 * @param duration how long the run lasts
 * @param host the base URL relative request URLs resolve against
 */
public record Overrides(Integer users, Double spawnRate, Duration duration, String host) {
    /** No change. */
    public static final Overrides NONE = new Overrides(null, null, null, null);

    public Overrides {
        if (users != null && users < 0) {
            throw new IllegalArgumentException("--users must be 0 or more, not " + users);
        }
        if (spawnRate != null && (spawnRate.isNaN() || spawnRate < 0)) {
            throw new IllegalArgumentException("--spawn-rate must be 0 or more, not " + spawnRate);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be longer than zero, not " + duration);
        }
        if (host != null && !host.isBlank()) {
            String lower = host.strip().toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new IllegalArgumentException(
                        "--host must be a URL starting with http:// or https://, such as http://127.0.0.1:8080, not '"
                                + host + "'");
            }
        }
    }

    public Overrides withUsers(Integer value) {
        return new Overrides(value, spawnRate, duration, host);
    }

    public Overrides withSpawnRate(Double value) {
        return new Overrides(users, value, duration, host);
    }

    public Overrides withDuration(Duration value) {
        return new Overrides(users, spawnRate, value, host);
    }

    public Overrides withHost(String value) {
        return new Overrides(users, spawnRate, duration, value);
    }

    /** The plan with these changes. */
    public LoadPlan applyTo(LoadPlan plan) {
        return switch (plan) {
            case LoadPlan.Closed c -> {
                var result = c;
                if (users != null || spawnRate != null) {
                    int maxTarget = c.stages().stream()
                            .mapToInt(LoadPlan.Stage::target)
                            .max()
                            .orElse(c.users());
                    Duration stagesLength =
                            c.stages().stream().map(LoadPlan.Stage::duration).reduce(Duration.ZERO, Duration::plus);
                    result = new LoadPlan.Closed(
                            users != null ? users : (c.stages().isEmpty() ? c.users() : maxTarget),
                            spawnRate != null ? spawnRate : c.spawnRate(),
                            List.of(),
                            max(c.duration(), stagesLength),
                            c.gracefulStop());
                }
                yield duration != null ? result.withDuration(duration) : result;
            }
            case LoadPlan.Open o -> {
                var result = o;
                if (spawnRate != null) {
                    Duration stagesLength = o.stages().stream()
                            .map(LoadPlan.RateStage::duration)
                            .reduce(Duration.ZERO, Duration::plus);
                    result = new LoadPlan.Open(
                            spawnRate,
                            List.of(),
                            o.maxConcurrentUsers(),
                            max(o.duration(), stagesLength),
                            o.gracefulStop());
                }
                if (users != null) {
                    result = new LoadPlan.Open(
                            result.startRate(), result.stages(), users, result.duration(), result.gracefulStop());
                }
                yield duration != null ? result.withDuration(duration) : result;
            }
            case LoadPlan.Capacity k -> {
                // the search sets the load itself; --duration only caps the run (the run's length is the override)
                if (users != null) {
                    throw new RunStartException("--users does not apply to a capacity search: the search chooses the"
                            + " load itself; set the plan's start, step and upper bound instead");
                }
                if (spawnRate != null) {
                    throw new RunStartException("--spawn-rate does not apply to a capacity search: set the plan's"
                            + " spawnRate (users model) or start and step (arrivals model) instead");
                }
                yield k;
            }
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
