package dev.herald.searchbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one run measures: how many generated articles, and how long each load level warms up and is
 * measured. The scan runs each query once, within a budget of its own: one of its queries can take seconds.
 *
 * @param targets the backends the service is measured on, one after the other on the same articles:
 *                {@code --backend=embedded} (the default), {@code --backend=opensearch --nodes=1|2}, or
 *                {@code --backend=both}: the embedded index, then the engine at one node and at two
 */
record Options(Path root, int articles, long seed, Duration warmup, Duration measure, Duration scan, List<Target> targets) {

    private static final List<String> NAMES = List.of("--root=", "--articles=", "--seed=", "--warmup=", "--seconds=",
            "--scan-seconds=", "--backend=", "--nodes=");

    static Options parse(String[] args) {
        for (String arg : args) {
            if (NAMES.stream().noneMatch(arg::startsWith)) {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (--articles=N --seconds=S --warmup=S --scan-seconds=S --seed=N --backend=embedded|opensearch|both --nodes=1|2)");
            }
        }
        Path root = Path.of(value(args, "--root=", "")).toAbsolutePath().normalize();
        int articles = Integer.parseInt(value(args, "--articles=", "100000"));
        if (articles < 1) {
            throw new IllegalArgumentException("--articles must be at least 1");
        }
        return new Options(root, articles, Long.parseLong(value(args, "--seed=", "2026")),
                seconds(args, "--warmup=", "10"), seconds(args, "--seconds=", "20"), seconds(args, "--scan-seconds=", "300"),
                targets(value(args, "--backend=", "embedded"), value(args, "--nodes=", null)));
    }

    static List<Target> targets(String backend, String nodes) {
        if (nodes != null && !backend.equals("opensearch")) {
            throw new IllegalArgumentException("--nodes is for --backend=opensearch");
        }
        return switch (backend) {
            case "embedded" -> List.of(Target.EMBEDDED);
            case "opensearch" -> {
                int count = nodes == null ? 1 : Integer.parseInt(nodes);
                if (count < 1 || count > 2) {
                    throw new IllegalArgumentException("--nodes must be 1 or 2");
                }
                yield List.of(Target.engine(count));
            }
            case "both" -> List.of(Target.EMBEDDED, Target.engine(1), Target.engine(2));
            default -> throw new IllegalArgumentException("--backend must be embedded, opensearch or both");
        };
    }

    private static Duration seconds(String[] args, String prefix, String fallback) {
        return Duration.ofSeconds(Long.parseLong(value(args, prefix, fallback)));
    }

    private static String value(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }

    /** Everything a run writes, the store and the index included; a run starts it afresh. */
    Path workDir() {
        return root.resolve("infra/search-bench/target/search-bench");
    }

    Path reportFile() {
        return root.resolve("infra/search-bench/target/search-bench.md");
    }
}
