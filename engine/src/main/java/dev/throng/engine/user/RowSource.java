package dev.throng.engine.user;

import dev.throng.engine.project.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Hands rows of a data source to users, following the source's policy. Thread-safe: every user of a run (all on
 * their own threads) takes rows from one shared instance.
 *
 * <p>A {@link DataSource.Policy#UNIQUE} source hands each row at most once. For a distributed run, each agent gets
 * {@link #partition(DataTable, int, int) its partition} (rows {@code i} with {@code i % count == index}), so no row
 * is handed to two users across agents either.
 */
public sealed interface RowSource {

    /** The data source id. */
    String id();

    /** Rows this source can hand out (its partition). */
    int size();

    /**
     * The next row for a user.
     *
     * @param random the calling user's generator (used by the random policy)
     */
    Take take(RandomGenerator random);

    /** The answer of {@link #take}. */
    sealed interface Take {
        /** A row: column name to value. */
        record Row(Map<String, String> values) implements Take {}

        /** No row left; the user stops. */
        record StopUser(String message) implements Take {}

        /** No row left; the whole run fails with this message. */
        record FailRun(String message) implements Take {}
    }

    /** The source for a whole local run. */
    static RowSource of(DataSource source, DataTable table) {
        return partition(source, table, 0, 1);
    }

    /**
     * The source for one of {@code count} agents: unique sources hand only the rows {@code i % count == index};
     * circular and random sources hand every row.
     */
    static RowSource partition(DataSource source, DataTable table, int index, int count) {
        Objects.requireNonNull(source, "source");
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("partition " + index + " of " + count);
        }
        return switch (source.policy()) {
            case CIRCULAR -> new CircularRows(source.id(), table.rows());
            case RANDOM -> new RandomRows(source.id(), table.rows());
            case UNIQUE -> {
                var rows = new java.util.ArrayList<Map<String, String>>();
                for (int i = index; i < table.size(); i += count) {
                    rows.add(table.rows().get(i));
                }
                yield new UniqueRows(source.id(), List.copyOf(rows), source.whenExhausted());
            }
        };
    }

    /** In file order, again from the top after the last row. */
    final class CircularRows implements RowSource {
        private final String id;
        private final List<Map<String, String>> rows;
        private final AtomicLong next = new AtomicLong();

        CircularRows(String id, List<Map<String, String>> rows) {
            this.id = id;
            this.rows = rows;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Take take(RandomGenerator random) {
            if (rows.isEmpty()) {
                return new Take.StopUser("the data source '" + id + "' has no rows");
            }
            return new Take.Row(rows.get((int) Math.floorMod(next.getAndIncrement(), (long) rows.size())));
        }
    }

    /** A random row each time. */
    final class RandomRows implements RowSource {
        private final String id;
        private final List<Map<String, String>> rows;

        RandomRows(String id, List<Map<String, String>> rows) {
            this.id = id;
            this.rows = rows;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Take take(RandomGenerator random) {
            if (rows.isEmpty()) {
                return new Take.StopUser("the data source '" + id + "' has no rows");
            }
            return new Take.Row(rows.get(random.nextInt(rows.size())));
        }
    }

    /** Each row at most once; what happens after the last depends on {@link DataSource.Exhausted}. */
    final class UniqueRows implements RowSource {
        private final String id;
        private final List<Map<String, String>> rows;
        private final DataSource.Exhausted whenExhausted;
        private final AtomicLong next = new AtomicLong();

        UniqueRows(String id, List<Map<String, String>> rows, DataSource.Exhausted whenExhausted) {
            this.id = id;
            this.rows = rows;
            this.whenExhausted = whenExhausted;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int size() {
            return rows.size();
        }

        /** Rows handed out so far (at most {@link #size()} unless recycling). */
        public long handedOut() {
            return Math.min(next.get(), whenExhausted == DataSource.Exhausted.RECYCLE ? Long.MAX_VALUE : rows.size());
        }

        @Override
        public Take take(RandomGenerator random) {
            long n = next.getAndIncrement();
            if (n < rows.size()) {
                return new Take.Row(rows.get((int) n));
            }
            String message = "the unique data source '" + id + "' has no rows left (" + rows.size() + " used)";
            return switch (whenExhausted) {
                case STOP_USER -> new Take.StopUser(message);
                case FAIL_RUN -> new Take.FailRun(message);
                case RECYCLE ->
                    rows.isEmpty() ? new Take.StopUser(message) : new Take.Row(rows.get((int) (n % rows.size())));
            };
        }
    }
}
