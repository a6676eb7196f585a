package dev.herald.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** `./herald up` and `./herald demo`: runs the platform in the foreground, or drives a running one. */
public final class HeraldLauncher {

    private HeraldLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Arrays.stream(args).filter(a -> a.startsWith("--root=")).findFirst()
                .map(a -> Path.of(a.substring("--root=".length()))).orElse(Path.of("")).toAbsolutePath().normalize();
        List<String> commands = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        String command = commands.isEmpty() ? "up" : commands.getFirst();
        if (command.equals("infra")) {
            // the store or the broker alone, as a process of its own (the fault-injection harness kills it)
            dev.herald.infra.embedded.InfrastructureProcess.main(Arrays.stream(args)
                    .filter(a -> !a.startsWith("--root=") && !a.equals("infra")).toArray(String[]::new));
            return;
        }
        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment(root, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("herald: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(command, commands, settings, root, args);
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.net.ConnectException)) {
                throw e;
            }
            // demo, bench and dlq drive a running platform: without one, a sentence rather than a stack trace
            System.err.println("herald " + command + ": " + e.getMessage() + " (is ./herald up running?)");
            System.exit(2);
        }
    }

    private static void run(String command, List<String> commands, PlatformSettings settings, Path root, String[] args)
            throws Exception {
        switch (command) {
            case "up" -> up(settings, searchBackend(args), System.out);
            case "demo" -> System.exit(new Demo(settings, System.out).run() ? 0 : 1);
            case "token" -> token(settings, commands);
            case "dlq" -> System.exit(deadLetters(settings, Arrays.stream(args).filter(a -> !a.startsWith("--root=")).skip(1).toList()));
            // --rates= (or any open-loop option) picks the open-loop pipeline benchmark; without, the closed-loop one
            case "bench" -> System.exit(Arrays.stream(args).anyMatch(a -> a.startsWith("--rates=") || a.startsWith("--preload=")
                    || a.startsWith("--fanout=")) ? (new dev.herald.launcher.bench.PipelineBench(settings, System.out).run(
                    dev.herald.launcher.bench.PipelineBench.Options.parse(args)) ? 0 : 1)
                    : new Bench(settings, System.out).run(option(args, "--reports=", 300), option(args, "--concurrency=", 4),
                    option(args, "--warmup=", 100)) ? 0 : 1);
            case "chaos" -> System.exit(chaos(root, args) ? 0 : 1);
            case "bulk-bench" -> System.exit(new BulkBench(root, System.out).run(option(args, "--reports=", 10_000)) ? 0 : 1);
            default -> {
                System.err.println("herald: unknown command " + command + " (up, demo, token, bench, bulk-bench, chaos, dlq)");
                System.exit(2);
            }
        }
    }

    private static void token(PlatformSettings settings, List<String> commands) {
        try {
            if (commands.size() < 2) {
                throw new IllegalArgumentException("usage: ./herald token UNIT|UNIT_REVIEWER|MODERATOR|LEADER|ADMIN|SUBSCRIBER [ID]");
            }
            String name = commands.get(1).toUpperCase(java.util.Locale.ROOT);
            dev.herald.auth.account.Role role = java.util.Arrays.stream(dev.herald.auth.account.Role.values())
                    .filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown role " + commands.get(1)
                            + " (UNIT, MODERATOR, LEADER, ADMIN, SUBSCRIBER)"));
            System.out.println(LocalAccounts.token(settings, role, commands.size() > 2 ? commands.get(2) : null));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("herald: " + e.getMessage() + (e instanceof java.io.UncheckedIOException
                    ? " (is ./herald up running?)" : ""));
            System.exit(2);
        }
    }

    /** Runs every fault scenario (or those whose name holds --only=) on throw-away platforms and prints the table. */
    private static boolean chaos(Path root, String[] args) throws Exception {
        int reports = option(args, "--reports=", 10_000);
        double rate = option(args, "--rate=", 25);
        String only = Arrays.stream(args).filter(a -> a.startsWith("--only=")).findFirst()
                .map(a -> a.substring("--only=".length())).orElse("");
        java.time.Duration pause = java.time.Duration.ofSeconds(option(args, "--store-pause=", 120));
        Path data = root.resolve("target/chaos-" + System.currentTimeMillis());
        // --only=NAME[,NAME...]: the scenarios whose name holds any of them
        List<String> names = Arrays.stream(only.split(",")).map(String::strip).toList();
        boolean rolling = Arrays.asList(args).contains("--rolling");
        var chaos = new dev.herald.launcher.chaos.Chaos(reports, rate, pause, s -> names.stream().anyMatch(s.name()::contains),
                rolling);
        var outcomes = chaos.run(root, data, System.out);
        System.out.println();
        System.out.println(dev.herald.launcher.chaos.Chaos.table(outcomes));
        System.out.println("logs and data: " + data);
        return outcomes.stream().allMatch(dev.herald.launcher.chaos.Outcome::clean);
    }

    /** Gets an ADMIN token from the local issuer first: every dead-letter endpoint wants one. */
    private static int deadLetters(PlatformSettings settings, List<String> args) {
        if (args.isEmpty() || !List.of("list", "show", "replay", "discard").contains(args.getFirst())) {
            System.err.println(DeadLetterCli.USAGE);
            return 2;
        }
        String token;
        try {
            token = LocalAccounts.token(settings, dev.herald.auth.account.Role.ADMIN, null);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("herald: no ADMIN token from the local issuer: " + e.getMessage() + " (is ./herald up running?)");
            return 1;
        }
        return new DeadLetterCli(DeadLetterCli.of(settings), new HttpJson().as(token), System.out, System.err).run(args);
    }

    private static int option(String[] args, String prefix, int fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> Integer.parseInt(a.substring(prefix.length()))).orElse(fallback);
    }

    /** {@code --search=embedded} (the default) or {@code --search=opensearch}; {@code HERALD_SEARCH_BACKEND} says the same. */
    static String searchBackend(String[] args) {
        String chosen = Arrays.stream(args).filter(a -> a.startsWith("--search=")).findFirst()
                .map(a -> a.substring("--search=".length()))
                .orElse(System.getenv().getOrDefault("HERALD_SEARCH_BACKEND", "embedded")).strip().toLowerCase(java.util.Locale.ROOT);
        if (!chosen.equals("embedded") && !chosen.equals("opensearch")) {
            System.err.println("herald: --search must be embedded or opensearch, not " + chosen);
            System.exit(2);
        }
        return chosen;
    }

    private static void up(PlatformSettings settings, String search, PrintStream out) throws Exception {
        // one node, no replicas: a search engine of one's own to try; a cluster is docker compose's or production's
        dev.herald.searchengine.EngineCluster engine = null;
        if (search.equals("opensearch")) {
            java.nio.file.Path home = settings.dataDir().resolve("search-engine");
            out.println("herald: starting a search engine node (OpenSearch) in " + home);
            System.setProperty(dev.herald.searchengine.EngineCluster.OWN_CLASSES_PROPERTY,
                    settings.root().resolve("infra/search-engine/target/classes").toString());
            try {
                engine = dev.herald.searchengine.EngineCluster.start(home, 1);
            } catch (RuntimeException e) {
                System.err.println("herald: the search engine did not start (" + e.getMessage() + "); its log is in " + home);
                System.exit(1);
                return;
            }
            out.println("herald: search engine on " + engine.httpHosts().getFirst());
            settings = settings.withProperties(HeraldService.SEARCH, "--herald.search.backend=opensearch",
                    "--herald.search.engine.hosts=" + engine.httpHosts().getFirst(), "--herald.search.engine.replicas=0",
                    "--herald.search.engine.shards=1");
        }
        dev.herald.searchengine.EngineCluster searchEngine = engine;
        Platform platform;
        try {
            platform = Platform.start(settings, out);
        } catch (Platform.PortInUseException e) {
            if (searchEngine != null) searchEngine.close();
            System.err.println("herald: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (IllegalStateException e) {
            if (searchEngine != null) searchEngine.close();
            System.err.println("herald: start failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("\nherald: stopping...");
            platform.close();
            if (searchEngine != null) searchEngine.close();
            out.println("herald: stopped");
            stopped.countDown();
        }, "herald-shutdown"));
        printReady(settings, platform, out);
        if (searchEngine != null) {
            out.printf("  %-21s %s (OpenSearch, one node; search-service uses it)%n", "search engine", searchEngine.httpHosts().getFirst());
        }
        while (!stopping.get()) {
            Thread.sleep(2_000);
            var dead = platform.deadService();
            // services stopping during shutdown are expected; only a death while running is news
            if (dead.isPresent() && !stopping.get()) {
                System.err.println("herald: " + dead.get());
                System.exit(1);
            }
        }
    }

    private static void printReady(PlatformSettings settings, Platform platform, PrintStream out) {
        out.println();
        out.println("Herald is up.");
        for (HeraldService service : HeraldService.values()) {
            out.printf("  %-21s %-23s %s%n", service.artifact(), settings.baseUrl(service), service.endpoints());
        }
        out.printf("  %-21s %s%n", "kafka", platform.kafkaBootstrap());
        out.printf("  %-21s %s%n", "mongodb", settings.mongoUri());
        out.printf("  %-21s %s (service logs in %s)%n", "data", settings.dataDir(), settings.dataDir().resolve("logs"));
        platform.mailFolder().ifPresent(mail -> out.printf("  %-21s %s (every mail sent, as .eml files)%n", "mail", mail));
        out.println("Console: " + settings.baseUrl(HeraldService.CONSOLE) + " (readers need no sign-in; units and moderators sign in"
                + " with an account id from " + settings.accountsFile() + " and its secret)");
        out.println("Tokens: ./herald token UNIT <unit> | UNIT_REVIEWER <unit> | MODERATOR | LEADER | ADMIN | SUBSCRIBER <id>. Metrics: <service URL>/actuator/prometheus"
                + " with an ADMIN token. Try ./herald demo in another terminal. Ctrl-C stops everything.");
    }
}
