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

    /**
     * The source for an agent whose unique rows are those numbered (from 0, in file order) so that {@code rows}
     * holds; circular and random sources hand every row.
     */
    static RowSource partition(DataSource source, DataTable table, java.util.function.LongPredicate rows) {
        Objects.requireNonNull(source, "source");
        return switch (source.policy()) {
            case CIRCULAR -> new CircularRows(source.id(), table.rows());
            case RANDOM -> new RandomRows(source.id(), table.rows());
            case UNIQUE -> new UniqueRows(source.id(), select(table, rows), source.whenExhausted());
        };
    }

    /** The rows of {@code table} whose numbers (from 0) {@code which} holds, in file order. */
    static List<Map<String, String>> select(DataTable table, java.util.function.LongPredicate which) {
        var out = new java.util.ArrayList<Map<String, String>>();
        for (int i = 0; i < table.size(); i++) {
            if (which.test(i)) {
                out.add(table.rows().get(i));
            }
        }
        return List.copyOf(out);
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
        private volatile List<Map<String, String>> rows; // replaced (never changed) under this
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

        /**
         * Rows handed out so far (at most {@link #size()} unless recycling), counted in this source's order: its own
         * rows, then those {@link #append appended}. A row skipped because a take found the source empty before an
         * append counts as handed out; it is never handed later.
         */
        public long handedOut() {
            return Math.min(next.get(), whenExhausted == DataSource.Exhausted.RECYCLE ? Long.MAX_VALUE : rows.size());
        }

        /**
         * Adds rows after the last (rows another agent will not use, handed on by the controller). Any thread.
         *
         * @param more rows, in the order they are to be handed out
         */
        public void append(List<Map<String, String>> more) {
            synchronized (this) {
                var joined = new java.util.ArrayList<>(rows);
                joined.addAll(more);
                rows = List.copyOf(joined);
            }
        }

        /** Adds the rows of {@code table} whose numbers {@code which} holds, in file order. Any thread. */
        public void append(DataTable table, java.util.function.LongPredicate which) {
            append(select(table, which));
        }

        @Override
        public Take take(RandomGenerator random) {
            long n = next.getAndIncrement();
            List<Map<String, String>> now = rows;
            if (n < now.size()) {
                return new Take.Row(now.get((int) n));
            }
            String message = "the unique data source '" + id + "' has no rows left (" + now.size() + " used)";
            return switch (whenExhausted) {
                case STOP_USER -> new Take.StopUser(message);
                case FAIL_RUN -> new Take.FailRun(message);
                case RECYCLE ->
                    now.isEmpty() ? new Take.StopUser(message) : new Take.Row(now.get((int) (n % now.size())));
            };
        }
    }
}
