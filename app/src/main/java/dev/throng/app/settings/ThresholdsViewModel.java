package dev.throng.app.settings;

import dev.throng.app.fx.ThreadOwner;
import dev.throng.app.project.ProjectDocument;
import dev.throng.engine.project.Threshold;
import java.util.ArrayList;
import java.util.List;

/** Thresholds as rule lines ({@code p95<300ms}, {@code error_rate<1%}). Confined to the thread that made it. */
public final class ThresholdsViewModel {
    private final ThreadOwner owner = new ThreadOwner();
    private final ProjectDocument document;

    public ThresholdsViewModel(ProjectDocument document) {
        this.document = document;
    }

    /** The rules, one a line; a trailing {@code !} marks "abort the run when broken". */
    public String text() {
        var lines = new ArrayList<String>();
        for (Threshold t : document.project().thresholds()) {
            lines.add(t.rule() + (t.abortOnFail() ? " !" : ""));
        }
        return String.join("\n", lines);
    }

    /** Parses the lines; returns the first error for people (with its line), or {@code null} when applied. */
    public String setText(String text) {
        owner.check();
        var rules = new ArrayList<Threshold>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean abort = line.endsWith("!");
            try {
                rules.add(Threshold.parse(abort ? line.substring(0, line.length() - 1) : line)
                        .withAbortOnFail(abort));
            } catch (IllegalArgumentException e) {
                return "line " + (i + 1) + ": " + e.getMessage();
            }
        }
        List<Threshold> value = rules;
        document.edit(p -> p.withThresholds(value));
        return null;
    }
}
