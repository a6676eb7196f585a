package dev.herald.searchbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one run measures: how many generated articles, and how long each load level warms up and is
 * measured. The scan runs each query once, within a budget of its own: one of its queries can take seconds.
 */
record Options(Path root, int articles, long seed, Duration warmup, Duration measure, Duration scan) {

    private static final List<String> NAMES = List.of("--root=", "--articles=", "--seed=", "--warmup=", "--seconds=",
            "--scan-seconds=");

    static Options parse(String[] args) {
        for (String arg : args) {
            if (NAMES.stream().noneMatch(arg::startsWith)) {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (--articles=N --seconds=S --warmup=S --scan-seconds=S --seed=N)");
            }
        }
        Path root = Path.of(value(args, "--root=", "")).toAbsolutePath().normalize();
        int articles = Integer.parseInt(value(args, "--articles=", "100000"));
        if (articles < 1) {
            throw new IllegalArgumentException("--articles must be at least 1");
        }
        return new Options(root, articles, Long.parseLong(value(args, "--seed=", "2026")),
                seconds(args, "--warmup=", "10"), seconds(args, "--seconds=", "20"), seconds(args, "--scan-seconds=", "300"));
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
