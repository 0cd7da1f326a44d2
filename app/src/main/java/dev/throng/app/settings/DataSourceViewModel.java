package dev.throng.app.settings;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.project.CsvHeader;
import dev.throng.engine.project.DataSource;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The data-source editor: the source shown, its settings, and a preview of the first rows of its CSV file (read in
 * the background). Confined to the thread that made it.
 */
public final class DataSourceViewModel {
    public static final int PREVIEW_ROWS = 20;

    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<DataSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String id;
    private DataSource previewed;

    public DataSourceViewModel(ProjectDocument document, BackgroundTasks tasks) {
        this.document = document;
        this.tasks = tasks;
        document.projectProperty().addListener((o, a, b) -> refresh());
    }

    /** Shows the source {@code id}; {@code null} shows the first one. */
    public void show(String value) {
        owner.check();
        id = value;
        refresh();
    }

    public ReadOnlyObjectProperty<DataSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The header row of the preview. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** Up to {@link #PREVIEW_ROWS} rows of the file. */
    public ObservableList<List<String>> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private Optional<DataSource> current() {
        var all = document.project().dataSources();
        if (id == null) {
            return all.stream().findFirst();
        }
        return document.project().dataSource(id);
    }

    private void refresh() {
        owner.check();
        DataSource s = current().orElse(null);
        source.set(s);
        if (s == null) {
            columns.clear();
            rows.clear();
            message.set("No data source: add one and pick a CSV file.");
            previewed = null;
            return;
        }
        if (s.equals(previewed)) {
            return;
        }
        previewed = s;
        Path file = document.directory().resolve(s.path());
        tasks.run(
                () -> readPreview(file, s.delimiter()),
                table -> {
                    columns.setAll(table.isEmpty() ? List.of() : table.getFirst());
                    rows.setAll(table.size() > 1 ? table.subList(1, table.size()) : List.of());
                    message.set(table.isEmpty() ? file + " is empty" : "");
                },
                e -> {
                    columns.clear();
                    rows.clear();
                    message.set(file + " cannot be read: " + e.getMessage());
                });
    }

    /** The header and up to {@link #PREVIEW_ROWS} rows. Blocking. Quotes are honoured, line breaks inside them not. */
    static List<List<String>> readPreview(Path file, char delimiter) throws java.io.IOException {
        var out = new ArrayList<List<String>>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (out.size() <= PREVIEW_ROWS && (line = in.readLine()) != null) {
                out.add(CsvHeader.split(line, delimiter));
            }
        }
        return out;
    }

    private void edit(UnaryOperator<DataSource> change) {
        owner.check();
        current().ifPresent(s -> {
            DataSource next = change.apply(s);
            id = next.id();
            document.edit(p -> p.withDataSources(p.dataSources().stream()
                    .map(d -> d.id().equals(s.id()) ? next : d)
                    .toList()));
        });
    }

    /** Points the source at {@code file}, stored relative to the project's folder when it is inside it. */
    public void setFile(Path file) {
        Path dir = document.directory();
        Path abs = file.toAbsolutePath().normalize();
        String path = abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
        edit(s -> new DataSource(s.id(), path, s.delimiter(), s.policy(), s.whenExhausted()));
    }

    public void setPolicy(DataSource.Policy value) {
        edit(s -> new DataSource(s.id(), s.path(), s.delimiter(), value, s.whenExhausted()));
    }

    public void setWhenExhausted(DataSource.Exhausted value) {
        edit(s -> new DataSource(s.id(), s.path(), s.delimiter(), s.policy(), value));
    }

    public void setDelimiter(String value) {
        if (value.length() == 1) {
            edit(s -> new DataSource(s.id(), s.path(), value.charAt(0), s.policy(), s.whenExhausted()));
        }
    }

    /** Adds a source reading {@code file} and shows it. */
    public void add(Path file) {
        owner.check();
        String base = file.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_-]", "");
        String newId = base.isEmpty() ? "data" : base;
        int n = 2;
        while (document.project().dataSource(newId).isPresent()) {
            newId = base + n++;
        }
        var added = new DataSource(newId, "", ',', DataSource.Policy.CIRCULAR, DataSource.Exhausted.STOP_USER);
        var list = new ArrayList<>(document.project().dataSources());
        list.add(added);
        id = newId;
        document.edit(p -> p.withDataSources(list));
        setFile(file);
    }

    /** Columns become variables: used for completion elsewhere. */
    public static boolean isValidColumn(String name) {
        return Pattern.matches("[A-Za-z_][A-Za-z0-9_]*", name);
    }
}
