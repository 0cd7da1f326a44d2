package dev.throng.engine.report;

import dev.throng.engine.run.RunResult;
import dev.throng.engine.run.StopReason;
import dev.throng.engine.run.ThresholdResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

/**
 * Writes a run's threshold verdicts as JUnit XML, the format CI servers show as test results: one {@code testcase}
 * per threshold, with a {@code failure} element giving the measured value when it was broken. A run that could not
 * proceed ({@link StopReason.Failed}) adds a test case "run" with an {@code error} element. Stateless; any thread.
 */
public final class JunitReport {
    private JunitReport() {}

    /** Writes the XML to {@code file}. */
    public static void write(RunResult result, Path file) throws IOException {
        ReportFiles.write(file, toXml(result));
    }

    /** The XML document. */
    public static String toXml(RunResult r) {
        int tests = r.thresholds().size();
        int failures = (int) r.thresholds().stream().filter(t -> !t.passed()).count();
        int errors = r.reason() instanceof StopReason.Failed ? 1 : 0;
        String time = Numbers.format(r.durationMillis() / 1000.0);
        String suite = "throng." + r.projectName();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"throng\" tests=\"")
                .append(tests + errors)
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"")
                .append(errors)
                .append("\" time=\"")
                .append(time)
                .append("\">\n");
        out.append("  <testsuite name=\"")
                .append(Xml.attr(suite))
                .append("\" tests=\"")
                .append(tests + errors)
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"")
                .append(errors)
                .append("\" skipped=\"0\" time=\"")
                .append(time)
                .append("\" timestamp=\"")
                .append(r.started().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""))
                .append("\">\n");
        for (ThresholdResult t : r.thresholds()) {
            out.append("    <testcase classname=\"")
                    .append(Xml.attr(suite))
                    .append("\" name=\"")
                    .append(Xml.attr(t.threshold().rule()))
                    .append("\" time=\"0\"");
            if (t.passed()) {
                out.append("/>\n");
                continue;
            }
            String message = t.threshold().rule() + " broken: measured " + ThresholdNotes.value(t);
            String note = ThresholdNotes.note(t);
            out.append(">\n      <failure type=\"threshold\" message=\"")
                    .append(Xml.attr(message))
                    .append("\">")
                    .append(Xml.text(note.isEmpty() ? message : message + " (" + note + ")"))
                    .append("</failure>\n    </testcase>\n");
        }
        if (r.reason() instanceof StopReason.Failed failed) {
            out.append("    <testcase classname=\"")
                    .append(Xml.attr(suite))
                    .append("\" name=\"run\" time=\"")
                    .append(time)
                    .append("\">\n      <error type=\"run-failed\" message=\"")
                    .append(Xml.attr(failed.message()))
                    .append("\">")
                    .append(Xml.text(failed.message()))
                    .append("</error>\n    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }
}
