package dev.throng.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.throng.agent.ThrongProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller and an agent in two network namespaces joined by a veth pair (made here, as root, with addresses
 * only inside them); the link is cut mid-run: the controller marks the agent lost, and the agent stops its load by
 * itself (the demo shop, in the agent's namespace, stops receiving requests). Skipped where namespaces cannot be made.
 */
class NetworkNamespaceIT {
    @TempDir
    Path dir;

    private final String suffix =
            Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF));
    private final String controllerNs = "throng-c-" + suffix;
    private final String agentNs = "throng-a-" + suffix;
    private final String controllerIf = "thc-" + suffix;
    private final String agentIf = "tha-" + suffix;
    private final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    private final List<ThrongProcess> children = new ArrayList<>();
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (ThrongProcess p : children) {
            p.close();
        }
        for (String ns : made) {
            ip("netns", "del", ns);
        }
    }

    @Test
    void cutLinkLosesTheAgentAndTheAgentStopsItsLoad() throws Exception {
        makeNamespaces();
        String controllerAddress = "10.213." + subnet + ".1";

        var shop = ThrongProcess.startIn(agentNs, dir.resolve("shop.log"), "demo-target", "--port", "0");
        children.add(shop);
        String shopUrl = shop.awaitMatch(
                Pattern.compile("Demo shop listening on (http://127\\.0\\.0\\.1:\\d+)"), Duration.ofSeconds(20));

        Path project = FarmFixture.sampleProject(dir.resolve("project"));
        var controller = ThrongProcess.startIn(
                controllerNs,
                dir.resolve("controller.log"),
                "run",
                project.toString(),
                "--agents",
                "1",
                "--bind",
                "tcp://" + controllerAddress + ":*",
                "--insecure",
                "--host",
                shopUrl,
                "--users",
                "3",
                "--spawn-rate",
                "3",
                "--duration",
                "60s",
                "--no-history",
                "--quiet");
        children.add(controller);
        String endpoint = controller.awaitMatch(
                Pattern.compile("controller listening on (tcp://10\\.213\\.\\d+\\.1:\\d+)"), Duration.ofSeconds(20));
        var agent = ThrongProcess.startIn(
                agentNs, dir.resolve("agent.log"), "agent", "--controller", endpoint, "--insecure", "--id", "ns-agent");
        children.add(agent);
        assertThat(agent.awaitOutput(t -> t.contains("started run"), Duration.ofSeconds(25)))
                .as("agent:\n" + agent.output() + "\ncontroller:\n" + controller.output())
                .isTrue();
        long before = counter(shopUrl);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (counter(shopUrl) <= before + 2 && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
        }
        assertThat(counter(shopUrl)).as("the shop gets requests").isGreaterThan(before + 2);

        assertThat(ip("-n", agentNs, "link", "set", agentIf, "down")).isZero();

        assertThat(controller.awaitOutput(t -> t.contains("agent ns-agent lost"), Duration.ofSeconds(9)))
                .as("controller:\n" + controller.output())
                .isTrue();
        assertThat(agent.awaitOutput(t -> t.contains("stopping the load of run"), Duration.ofSeconds(9)))
                .as("agent:\n" + agent.output())
                .isTrue();
        long stoppedAt = counter(shopUrl);
        Thread.sleep(1500);
        assertThat(counter(shopUrl)).as("no load after the agent stopped").isEqualTo(stoppedAt);
        assertThat(agent.isAlive()).as("the agent goes back to waiting").isTrue();
    }

    private void makeNamespaces() throws Exception {
        boolean ipWorks;
        try {
            ipWorks = ip("netns", "add", controllerNs) == 0;
        } catch (IOException e) {
            ipWorks = false;
        }
        assumeTrue(ipWorks, "network namespaces cannot be made here (needs root and iproute2's ip): skipped");
        made.add(controllerNs);
        assertThat(ip("netns", "add", agentNs)).isZero();
        made.add(agentNs);
        String c = "10.213." + subnet + ".1/30";
        String a = "10.213." + subnet + ".2/30";
        assertThat(ip(
                        "link",
                        "add",
                        controllerIf,
                        "netns",
                        controllerNs,
                        "type",
                        "veth",
                        "peer",
                        "name",
                        agentIf,
                        "netns",
                        agentNs))
                .isZero();
        assertThat(ip("-n", controllerNs, "addr", "add", c, "dev", controllerIf))
                .isZero();
        assertThat(ip("-n", agentNs, "addr", "add", a, "dev", agentIf)).isZero();
        for (String[] link :
                new String[][] {{controllerNs, controllerIf}, {agentNs, agentIf}, {controllerNs, "lo"}, {agentNs, "lo"}
                }) {
            assertThat(ip("-n", link[0], "link", "set", link[1], "up")).isZero();
        }
    }

    /** The shop's request counter, read inside the agent's namespace. */
    private long counter(String shopUrl) throws Exception {
        Process p = new ProcessBuilder(
                        "ip", "netns", "exec", agentNs, "curl", "-s", "--max-time", "2", shopUrl + "/_demo/counters")
                .redirectErrorStream(true)
                .start();
        String body = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no counters from the shop: " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private static int ip(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("ip");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
