package dev.throng.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.protocol.RowPartition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowLedgerTest {
    private static List<Long> rows(List<RowPartition.Slice> slices) {
        var out = new ArrayList<Long>();
        for (var s : slices) {
            for (long i = 0; i < s.count(); i++) {
                out.add(s.first() + i * s.stride());
            }
        }
        return out;
    }

    @Test
    void theFirstAgentsPartitionEveryRowOnce() {
        var ledger = new RowLedger(Map.of("codes", 10L));
        Set<Long> all = new HashSet<>();
        int total = 0;
        for (int slot = 0; slot < 3; slot++) {
            var slice = (RowPartition.Slice) ledger.assign("a" + slot, slot, 3).get("codes");
            var mine = rows(List.of(slice));
            total += mine.size();
            all.addAll(mine);
            assertThat(mine).allMatch(slice::contains);
        }
        assertThat(total).isEqualTo(10);
        assertThat(all).hasSize(10).allMatch(r -> r >= 0 && r < 10);
    }

    @Test
    void anAgentThatLeftHandsOnExactlyTheRowsItDidNotUse() {
        var ledger = new RowLedger(Map.of("codes", 12L));
        ledger.assign("a", 0, 2); // rows 0, 2, 4, 6, 8, 10
        ledger.assign("b", 1, 2); // rows 1, 3, 5, 7, 9, 11
        assertThat(ledger.release("a", Map.of("codes", 2L))).isEqualTo(4); // used 0 and 2
        var handed = ledger.handOut(List.of("b", "c"));
        var toB = rows(handed.get("b").get("codes"));
        var toC = rows(handed.get("c").get("codes"));
        assertThat(toB).containsExactly(4L, 8L);
        assertThat(toC).containsExactly(6L, 10L);
        assertThat(ledger.freeRows()).isZero();
        // b's own rows and what it got, in the order it hands them out; it used 7 of them when it left
        assertThat(ledger.release("b", Map.of("codes", 7L))).isEqualTo(1);
        assertThat(rows(ledger.handOut(List.of("c")).get("c").get("codes"))).containsExactly(8L);
    }

    @Test
    void anAgentLostWithoutACountHandsNothingOn() {
        var ledger = new RowLedger(Map.of("codes", 12L));
        ledger.assign("a", 0, 2);
        ledger.assign("b", 1, 2);
        assertThat(ledger.forget("a", Map.of("codes", 1L))).isEqualTo(5);
        assertThat(ledger.freeRows()).isZero();
        assertThat(ledger.handOut(List.of("b"))).isEmpty();
    }

    @Test
    void droppingSkipsWholeSlicesThenCutsOne() {
        var slices = List.of(new RowPartition.Slice(0, 3, 2), new RowPartition.Slice(10, 1, 4));
        assertThat(rows(RowLedger.drop(slices, 3))).containsExactly(11L, 12L, 13L);
        assertThat(RowLedger.drop(slices, 9)).isEmpty();
        assertThat(rows(RowLedger.drop(slices, 0))).containsExactly(0L, 3L, 10L, 11L, 12L, 13L);
    }
}
