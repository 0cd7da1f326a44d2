package dev.throng.agent.cli;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML report of {@code throng run} opens in a real browser without any network: headless Chromium renders its
 * three uPlot charts from the inline data, and a screenshot of it is a real picture.
 *
 * <p>Needs {@value #CHROMIUM} (Debian package {@code chromium}); skipped with a message without it. Chromium runs with
 * every background network feature off, a fresh profile directory, and a time limit after which this test kills it
 * and every process it started.
 */
@Timeout(120)
class ReportInBrowserIT extends ShopCliTest {
    static final String CHROMIUM = "/usr/bin/chromium";

    /** The longest Chromium may take to render, s; it is killed after that. */
    static final long BROWSER_LIMIT_SECONDS = 60;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of(CHROMIUM)),
                CHROMIUM + " is missing: install the Debian package 'chromium' to check the HTML report in a browser");
    }

    @Test
    void theReportRendersItsChartsOfflineInHeadlessChromium() throws Exception {
        Path report = dir.resolve("report.html");
        int code = runOnShop(
                "--users",
                "6",
                "--spawn-rate",
                "6",
                "--duration",
                "3s",
                "--seed",
                "7",
                "--no-history",
                "--quiet",
                "--report",
                report.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(shop.counters().total()).isPositive();

        String dom = chromium(List.of("--dump-dom", report.toUri().toString()), "dom");

        // uPlot puts each chart in a div of class "uplot" holding its canvas and a legend with the series' labels
        assertThat(count(dom, "<div class=\"uplot[\" ]"))
                .as("uPlot charts in the DOM")
                .isEqualTo(3);
        assertThat(count(dom, "<canvas")).as("canvases").isGreaterThanOrEqualTo(3);
        assertThat(count(dom, "class=\"u-legend")).as("chart legends").isEqualTo(3);
        assertThat(dom).contains("requests/s", "failures/s", "p50", "p95", "p99", "users");
        assertThat(count(dom, "class=\"chart empty\""))
                .as("chart boxes left empty")
                .isZero();
        assertThat(dom).contains("<table id=\"requests\"").contains("/product/{id}");

        Path png = dir.resolve("report.png");
        chromium(
                List.of(
                        "--screenshot=" + png,
                        "--window-size=1280,1600",
                        report.toUri().toString()),
                "screenshot");
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1600);
        assertThat(colours(image)).as("distinct colours in the screenshot").isGreaterThan(20);
        // kept for a person (or CI) to look at
        Files.copy(png, Files.createDirectories(Path.of("target")).resolve("report-in-browser.png"), REPLACE_EXISTING);
    }

    /**
     * Runs headless Chromium on {@code args} with no network and a fresh profile; returns its standard output. Kills
     * it (and what it started) after {@link #BROWSER_LIMIT_SECONDS}.
     */
    private String chromium(List<String> args, String name) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("chromium-" + name));
        Path stdout = dir.resolve("chromium-" + name + ".out");
        Path stderr = dir.resolve("chromium-" + name + ".err");
        var command = new ArrayList<>(List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(args);
        var builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", profile.toString());
        env.put("XDG_CONFIG_HOME", profile.resolve("config").toString());
        env.put("XDG_CACHE_HOME", profile.resolve("cache").toString());
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(BROWSER_LIMIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ended)
                    .as("Chromium (%s) ended within %d s; its errors: %s", name, BROWSER_LIMIT_SECONDS, read(stderr))
                    .isTrue();
            assertThat(process.exitValue())
                    .as("Chromium's exit code (%s); its errors: %s", name, read(stderr))
                    .isZero();
            return read(stdout);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Distinct colours on a grid of sample points: a blank or one-colour page has very few. */
    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
