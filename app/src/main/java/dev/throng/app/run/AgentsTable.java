package dev.throng.app.run;

import dev.throng.engine.run.AgentStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The agents of the run: state, users, rate, CPU, memory, last heartbeat, when lost. FX thread only. */
final class AgentsTable extends TableView<AgentStatus> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    AgentsTable(RunViewModel vm) {
        setId("agents-table");
        setPlaceholder(new Label("No agents yet."));
        List<TableColumn<AgentStatus, ?>> columns = List.of(
                Columns.text("Agent", AgentStatus::id, 200),
                Columns.text("State", AgentStatus::state, 90),
                Columns.number("Users", AgentStatus::users, v -> Figures.count(v), 80),
                Columns.number("Req/s", AgentStatus::rps, Figures::rate, 80),
                Columns.number("CPU", AgentStatus::cpu, v -> v < 0 ? "?" : Figures.percent(v), 80),
                Columns.number(
                        "Memory MB", AgentStatus::memoryBytes, v -> v < 0 ? "?" : Figures.count(v / (1024 * 1024)), 90),
                Columns.text("Last heard", a -> time(a.lastHeartbeatMillis()), 90),
                Columns.text("Lost at", a -> a.lostAtMillis() == null ? "" : time(a.lostAtMillis()), 90));
        getColumns().setAll(columns);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setItems(vm.agents());
    }

    private static String time(long epochMillis) {
        return epochMillis <= 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
