package dev.throng.app.history;

/** The report files a saved run can be exported as. */
public enum ReportFormat {
    /** One self-contained HTML page ({@code HtmlReport}). */
    HTML("HTML report", "*.html"),
    /** Three CSV files beside the chosen name: {@code _stats}, {@code _history}, {@code _failures} ({@code CsvReport}). */
    CSV("CSV files", "*.csv"),
    /** The results JSON that {@code throng compare} and the app read back ({@code ResultsJson}). */
    JSON("Results JSON", "*.json");

    private final String description;
    private final String pattern;

    ReportFormat(String description, String pattern) {
        this.description = description;
        this.pattern = pattern;
    }

    /** For a file chooser's filter, e.g. "HTML report". */
    public String description() {
        return description;
    }

    /** For a file chooser's filter, e.g. "*.html". */
    public String pattern() {
        return pattern;
    }
}
