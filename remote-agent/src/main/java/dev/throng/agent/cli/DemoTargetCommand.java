package dev.throng.agent.cli;

import dev.throng.demo.DemoShop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code throng demo-target}: the demo web shop in the foreground, until Ctrl-C. */
@Command(
        name = "demo-target",
        mixinStandardHelpOptions = true,
        description = "Run the demo web shop on 127.0.0.1 (for samples, tests and benchmarks) until Ctrl-C.")
final class DemoTargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port to listen on (default ${DEFAULT-VALUE}, the samples' base URL; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoShop shop;
        try {
            shop = DemoShop.start(host, port);
        } catch (BindException e) {
            err.println("throng demo-target: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another demo shop running? Try --port 0 or another port.");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("throng demo-target: cannot start on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shop.close();
            stopped.countDown();
        }));
        out.println("Demo shop listening on " + shop.baseUri() + " (Ctrl-C to stop)");
        out.println("Counters: " + shop.baseUri() + "/_demo/counters");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
