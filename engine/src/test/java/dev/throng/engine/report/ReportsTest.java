package dev.throng.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.engine.run.RunResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportsTest {
    private final RunResult result = SampleResults.run(1.0, 20);

    @Test
    void theHtmlReportInlinesEverythingAndLoadsNothingFromTheWeb() {
        String html = HtmlReport.render(result);

        assertThat(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                        .matcher(html)
                        .find())
                .as("no script, style or link loaded from a URL")
                .isFalse();
        assertThat(html).doesNotContainPattern("(?i)<link[^>]+stylesheet");
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src");
        assertThat(html).contains("var uPlot=function()").contains(".uplot");
        assertThat(html).contains("new uPlot(").contains("id=\"throng-data\"");
        assertThat(html).contains("chart-throughput", "chart-latency", "chart-users");
    }

    @Test
    void theHtmlReportEscapesEveryTextFromTheRun() {
        String html = HtmlReport.render(result);

        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<shop>")
                .doesNotContain("<ok>");
        assertThat(html).contains("Demo &lt;shop&gt; &amp; co");
        assertThat(html).contains("/search?q=&lt;script&gt;alert('x')&lt;/script&gt;");
        // Exactly the three script elements: the data, uPlot and the report's own code.
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(3);
        assertThat(Pattern.compile("</script>").matcher(html).results().count()).isEqualTo(3);
        String data = HtmlReport.jsonForScript(result);
        assertThat(data).doesNotContain("<").contains("\\u003cscript>").doesNotContain("histograms");
    }

    @Test
    void theHtmlReportShowsVerdictsTablesAndFailures() {
        String html = HtmlReport.render(result);

        assertThat(html).contains("FAILED", "p95&lt;300ms", "error_rate&lt;1% (abort)", "name~/prodcut:p95&lt;100ms");
        assertThat(html).contains("no request or group name matches");
        assertThat(html).contains("/product/{id}", "checkout", "503 Service Unavailable", "Total");
        assertThat(html).contains("id=\"agents\"", "agent-2");
    }

    @Test
    void aCapacitySearchHasItsAnswerStepsAndChart() {
        String html = HtmlReport.render(SampleResults.capacity());

        assertThat(html)
                .contains("<h2>Capacity</h2>", "id=\"capacity\"")
                .contains("id=\"chart-capacity\" data-p95-limit=\"100\" data-error-limit=\"1\"")
                .contains("The system carries 190 users (196 req/s); p95&lt;100ms broke first at 200 users")
                .contains("narrowing", "p95&lt;100ms, error_rate&lt;1%")
                .doesNotContain("<script>alert");
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(3);
        assertThat(HtmlReport.render(result)).doesNotContain("<h2>Capacity</h2>");
    }

    @Test
    void csvFilesHaveAHeaderAndOneLinePerRowWithQuotedCells(@TempDir Path dir) throws IOException {
        List<Path> files = CsvReport.write(result, dir.resolve("run1"));

        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("run1_stats.csv", "run1_history.csv", "run1_failures.csv");
        List<String> stats = Files.readAllLines(files.get(0));
        assertThat(stats.getFirst()).startsWith("kind,method,name,requests,failures,error_pct,rps");
        assertThat(stats).hasSize(1 + 4 + 1 + 1);
        assertThat(stats.getLast()).startsWith("total,,Total,2350,");
        assertThat(stats).anySatisfy(l -> assertThat(l).startsWith("group,,checkout,250,10,4,25,60"));
        assertThat(stats)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("request,GET,\"/search?q=<script>alert('x')</script>&a=\"\"b\"\",c\","));
        List<String> history = Files.readAllLines(files.get(1));
        assertThat(history).hasSize(11);
        assertThat(history.get(1)).startsWith("1,10,235,");
        String failures = Files.readString(files.get(2));
        assertThat(failures).startsWith("method,name,kind,message,count,first_seen,last_seen,example\n");
        assertThat(failures).contains("GET,/,http-status,503 Service Unavailable,20,2026-11-29T14:00:00Z,");
        assertThat(failures).contains("\"POST /cart\n<html>nope</html>\"");
    }

    @Test
    void junitXmlHasOneTestCasePerThresholdAndFailuresWithTheMeasuredValue() throws Exception {
        String xml = JunitReport.toXml(result);

        Document doc =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("throng.Demo <shop> & co");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("p95<300ms");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(failures.getLength()));
        Element errorRate = (Element) cases.item(1);
        assertThat(errorRate.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) errorRate.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("error_rate<1% broken: measured 1.277%");
        Element typo = (Element) cases.item(2);
        assertThat(typo.getElementsByTagName("failure").item(0).getTextContent())
                .contains("not measured", "/prodcut");
    }
}
