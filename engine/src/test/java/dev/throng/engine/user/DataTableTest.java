package dev.throng.engine.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.throng.engine.project.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataTableTest {

    private static DataTable accounts(int n) {
        var sb = new StringBuilder("username,password\n");
        for (int i = 0; i < n; i++) {
            sb.append("user").append(i).append(",pass").append(i).append('\n');
        }
        return DataTable.parse(sb.toString(), ',');
    }

    private static DataSource source(DataSource.Policy policy, DataSource.Exhausted exhausted) {
        return new DataSource("accounts", "accounts.csv", ',', policy, exhausted);
    }

    @Test
    void readsHeaderDelimiterAndQuotes() {
        var table = DataTable.parse(
                "\uFEFFname;note;n\r\n\"Smith; John\";\"said \"\"hi\"\"\nthen left\";1\r\n\r\nDoe;;\nShort\n", ';');
        assertThat(table.columns()).containsExactly("name", "note", "n");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0))
                .containsEntry("name", "Smith; John")
                .containsEntry("note", "said \"hi\"\nthen left")
                .containsEntry("n", "1");
        assertThat(table.rows().get(1)).containsEntry("note", "").containsEntry("n", "");
        assertThat(table.rows().get(2)).containsEntry("name", "Short").containsEntry("n", "");
        assertThatThrownBy(() -> DataTable.parse("a\n\"open\n", ','))
                .hasMessageContaining("line 2")
                .hasMessageContaining("never closed");
    }

    @Test
    void circularGoesRoundInFileOrder() {
        var rows = RowSource.of(source(DataSource.Policy.CIRCULAR, DataSource.Exhausted.STOP_USER), accounts(3));
        var random = new SplittableRandom(1);
        var names = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            names.add(((RowSource.Take.Row) rows.take(random)).values().get("username"));
        }
        assertThat(names).containsExactly("user0", "user1", "user2", "user0", "user1", "user2", "user0");
    }

    @Test
    void randomPicksAnyRow() {
        var rows = RowSource.of(source(DataSource.Policy.RANDOM, DataSource.Exhausted.STOP_USER), accounts(4));
        var random = new SplittableRandom(1);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(((RowSource.Take.Row) rows.take(random)).values().get("username"));
        }
        assertThat(seen).containsExactlyInAnyOrder("user0", "user1", "user2", "user3");
    }

    @Test
    void uniqueExhaustionFollowsItsPolicy() {
        var random = new SplittableRandom(1);
        var stop = RowSource.of(source(DataSource.Policy.UNIQUE, DataSource.Exhausted.STOP_USER), accounts(2));
        stop.take(random);
        stop.take(random);
        assertThat(stop.take(random)).isInstanceOf(RowSource.Take.StopUser.class);
        var fail = RowSource.of(source(DataSource.Policy.UNIQUE, DataSource.Exhausted.FAIL_RUN), accounts(1));
        fail.take(random);
        assertThat(fail.take(random))
                .isInstanceOfSatisfying(
                        RowSource.Take.FailRun.class,
                        f -> assertThat(f.message()).contains("'accounts'").contains("no rows left"));
        var recycle = RowSource.of(source(DataSource.Policy.UNIQUE, DataSource.Exhausted.RECYCLE), accounts(2));
        recycle.take(random);
        recycle.take(random);
        assertThat(((RowSource.Take.Row) recycle.take(random)).values()).containsEntry("username", "user0");
    }

    @Test
    void uniqueRowsAreNeverHandedTwiceUnderSixteenThreads() throws InterruptedException {
        int rowsCount = 20_000;
        var rows = RowSource.of(source(DataSource.Policy.UNIQUE, DataSource.Exhausted.STOP_USER), accounts(rowsCount));
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        var stops = new AtomicInteger();
        var go = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 16; t++) {
            var random = new SplittableRandom(t);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1500; i++) {
                    switch (rows.take(random)) {
                        case RowSource.Take.Row r -> seen.merge(r.values().get("username"), 1, Integer::sum);
                        case RowSource.Take.StopUser s -> stops.incrementAndGet();
                        case RowSource.Take.FailRun f -> throw new AssertionError(f.message());
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(rowsCount);
        assertThat(seen.values()).allMatch(n -> n == 1);
        assertThat(stops.get()).isEqualTo(16 * 1500 - rowsCount);
    }

    @Test
    void partitionsOfAUniqueSourceAreDisjointAndCoverEveryRow() {
        var ds = source(DataSource.Policy.UNIQUE, DataSource.Exhausted.STOP_USER);
        var table = accounts(10);
        var all = new ArrayList<String>();
        for (int agent = 0; agent < 3; agent++) {
            var part = RowSource.partition(ds, table, agent, 3);
            var random = new SplittableRandom(agent);
            RowSource.Take take;
            while ((take = part.take(random)) instanceof RowSource.Take.Row r) {
                all.add(r.values().get("username"));
            }
        }
        assertThat(all).hasSize(10).doesNotHaveDuplicates();
        assertThat(RowSource.partition(ds, table, 0, 3).size()).isEqualTo(4);
        assertThatThrownBy(() -> RowSource.partition(ds, table, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(RowSource.partition(ds, table, 1, 3).size())).containsExactly(3);
    }
}
