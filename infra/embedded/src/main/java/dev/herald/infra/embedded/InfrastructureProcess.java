package dev.herald.infra.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the store or the broker alone in this JVM, so a test or the fault-injection harness can kill,
 * pause and restart it as a process of its own: {@code store|broker --dir=D --port=P [--sync=false]}.
 * Prints {@link #READY} once it listens.
 */
public final class InfrastructureProcess {

    public static final String READY = "herald-infrastructure-ready";

    private InfrastructureProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: store|broker --dir=D --port=P [--sync=false] [--partitions=3]");
        }
        Path dir = Path.of(option(args, "--dir=", "data"));
        int port = Integer.parseInt(option(args, "--port=", "0"));
        AutoCloseable running = switch (args[0]) {
            case "store" -> EmbeddedMongo.onDisk(dir, port, Boolean.parseBoolean(option(args, "--sync=", "true")));
            case "broker" -> EmbeddedKafka.start(dir, port, Integer.parseInt(option(args, "--partitions=", "3")));
            default -> throw new IllegalArgumentException("unknown process " + args[0] + " (store, broker)");
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("close failed: " + e);
            }
        }));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String option(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> a.substring(prefix.length())).orElse(fallback);
    }
}
