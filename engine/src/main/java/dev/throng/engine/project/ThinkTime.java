package dev.throng.engine.project;

import java.time.Duration;
import java.util.Objects;

/** How long a user waits between iterations of its main flow. */
public sealed interface ThinkTime {

    /** No wait. */
    ThinkTime NONE = new Constant(Duration.ZERO);

    /** The same wait after every iteration. */
    record Constant(Duration pause) implements ThinkTime {
        public Constant {
            Objects.requireNonNull(pause, "pause");
        }
    }

    /** A uniformly random wait in {@code [min, max]}. */
    record Between(Duration min, Duration max) implements ThinkTime {
        public Between {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }
    }

    /** Iterations start every {@code interval} (the wait is what is left of it; none when late). */
    record Pacing(Duration interval) implements ThinkTime {
        public Pacing {
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** Pacing expressed as iterations per second per user. */
    record Throughput(double iterationsPerSecond) implements ThinkTime {}
}
