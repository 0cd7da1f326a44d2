package dev.throng.agent.cli;

import dev.throng.engine.run.RunSnapshot;
import dev.throng.engine.stats.RowStats;
import java.util.Locale;

/** The live status line of {@code throng run}: elapsed, users, req/s, failures, p95 and a progress bar. */
final class StatusLine {
    private static final int BAR = 20;

    private StatusLine() {}

    static String format(RunSnapshot s) {
        RowStats interval = s.stats() == null ? null : s.stats().intervalTotal();
        RowStats total = s.stats() == null ? null : s.stats().cumulativeTotal();
        double rps = interval == null ? 0 : interval.rps();
        double failurePercent = total == null ? 0 : total.errorRate() * 100;
        double p95 = interval == null ? 0 : interval.latency().p95Ms();
        double progress = s.plannedMillis() <= 0 ? 0 : Math.min(1, (double) s.elapsedMillis() / s.plannedMillis());
        int filled = (int) Math.round(progress * BAR);
        String users = s.arrivalRate() > 0
                ? String.format(
                        Locale.ROOT, "arrivals %.1f/s, busy %d, dropped %d", s.arrivalRate(), s.users(), s.dropped())
                : "users " + s.users() + "/" + s.targetUsers();
        return String.format(
                Locale.ROOT,
                "%s %s | %s | %.1f req/s | failures %.2f%% | p95 %s ms | [%s%s] %3.0f%%",
                clock(s.elapsedMillis()),
                s.phase().name().toLowerCase(Locale.ROOT),
                users,
                rps,
                failurePercent,
                ResultTable.ms(p95),
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                progress * 100);
    }

    static String clock(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
