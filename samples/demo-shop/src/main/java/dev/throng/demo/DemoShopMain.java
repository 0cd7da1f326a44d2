package dev.throng.demo;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The command line of {@link DemoShop#main}: parses the arguments, starts the shop and waits until the process is
 * killed. Runs on the main thread.
 */
final class DemoShopMain {
    static final int EXIT_BAD_INPUT = 2;
    static final int DEFAULT_PORT = 8080;

    static final String USAGE = """
            Usage: demo-shop [--host HOST] [--port PORT] [--products N] [--capacity-slots K] [--capacity-ms T]
              --host HOST          address to listen on (default 127.0.0.1)
              --port PORT          http port (default 8080; 0 picks a free one)
              --products N         products in the catalogue (default 100)
              --capacity-slots K   /capacity requests served at once (default 4)
              --capacity-ms T      ms each /capacity request holds its slot (default 20)
            """;

    private final PrintStream out;
    private final PrintStream err;

    DemoShopMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Starts the shop and blocks for good; returns only the exit code of a failure or of {@code --help}. */
    int run(String[] args) {
        DemoShop.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo-shop: " + e.getMessage());
            err.print(USAGE);
            return EXIT_BAD_INPUT;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        DemoShop shop;
        try {
            shop = DemoShop.startForMain(options, out);
        } catch (IOException e) {
            err.println("demo-shop: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "demo-shop-shutdown"));
        try {
            Thread.currentThread().join(); // until the process is killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shop.close();
        return 0;
    }

    /**
     * The options for {@code args}; null when help was asked for.
     *
     * @throws IllegalArgumentException naming the bad flag or value
     */
    static DemoShop.Options parse(String[] args) {
        DemoShop.Options options = DemoShop.Options.defaults().withPort(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        flag.startsWith("--") ? flag + " needs a value" : "unknown argument " + flag);
            }
            String value = args[++i];
            options = switch (flag) {
                case "--host" -> options.withHost(value);
                case "--port" -> options.withPort(number(flag, value));
                case "--products" -> options.withProducts(number(flag, value));
                case "--capacity-slots" -> options.withCapacity(number(flag, value), options.capacityServiceMillis());
                case "--capacity-ms" -> options.withCapacity(options.capacitySlots(), number(flag, value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
        }
        return options;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, not '" + value + "'");
        }
    }
}
