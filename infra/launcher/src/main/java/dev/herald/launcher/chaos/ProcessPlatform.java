package dev.herald.launcher.chaos;

import dev.herald.infra.embedded.InfrastructureProcess;
import dev.herald.infra.embedded.Ports;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.LocalAccounts;
import dev.herald.launcher.LocalMailbox;
import dev.herald.launcher.Platform;
import dev.herald.launcher.PlatformSettings;
import dev.herald.launcher.ServiceProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The whole platform with every part in a process of its own (the broker, the store, the issuer and
 * one or more instances of each service), so that a fault can hit any one of them: the harness of the
 * crash-safety suite and of {@code ./herald chaos}. The store keeps its data on disk and the broker its
 * log, as on a real deployment, so a killed part comes back to what it had acknowledged.
 */
public final class ProcessPlatform implements Deployment {

    public static final String BROKER = "broker";
    public static final String STORE = "store";
    public static final String AUTH = "auth";

    private final PlatformSettings settings;
    private final Map<String, Node> nodes;
    private final Map<HeraldService, List<String>> urls;
    private final LocalMailbox mailbox;
    private PrintStream out = System.out;
    private int instances;
    private Thread cleanup;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ProcessPlatform(PlatformSettings settings, Map<String, Node> nodes, Map<HeraldService, List<String>> urls,
                            LocalMailbox mailbox) {
        this.settings = settings;
        this.nodes = nodes;
        this.urls = urls;
        this.mailbox = mailbox;
    }

    /** @param instances how many instances of each of the four services */
    public static ProcessPlatform start(PlatformSettings settings, int instances, PrintStream out)
            throws IOException, InterruptedException {
        Files.createDirectories(settings.dataDir());
        LocalMailbox mailbox = LocalMailbox.start(settings.dataDir().resolve("mail"), out);
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<HeraldService, List<String>> urls = new EnumMap<>(HeraldService.class);
        String kafka = "127.0.0.1:" + settings.kafkaPort();
        String mongo = settings.mongoUri();
        nodes.put(BROKER, infrastructure(settings, BROKER, "broker", settings.dataDir().resolve("kafka"), settings.kafkaPort()));
        nodes.put(STORE, infrastructure(settings, STORE, "store", settings.dataDir().resolve("mongo"), settings.mongoPort()));
        LocalAccounts.createIfMissing(settings);
        nodes.put(AUTH, service(settings, HeraldService.AUTH, AUTH, settings.port(HeraldService.AUTH),
                Platform.serviceProperties(HeraldService.AUTH, settings, kafka, mongo)));
        ProcessPlatform platform = new ProcessPlatform(settings, nodes, urls, mailbox);
        platform.out = out;
        for (int i = 1; i <= instances; i++) {
            platform.addInstances(i);
        }
        // Ctrl-C on ./herald chaos must not leave a dozen JVMs behind
        Thread cleanup = new Thread(platform::close, "herald-chaos-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        platform.cleanup = cleanup;
        try {
            out.println("herald chaos: starting the broker and the store");
            platform.startAll(List.of(BROKER, STORE));
            out.println("herald chaos: starting the issuer");
            platform.startAll(List.of(AUTH));
            out.println("herald chaos: starting " + (nodes.size() - 3) + " service instances");
            platform.startAll(nodes.keySet().stream().skip(3).toList());
            return platform;
        } catch (InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Adds the {@code instance}-th instance of each service, not started; their names. */
    private List<String> addInstances(int instance) {
        String kafka = "127.0.0.1:" + settings.kafkaPort();
        String mongo = settings.mongoUri();
        List<String> added = new ArrayList<>();
        for (HeraldService service : HeraldService.values()) {
            if (!service.isPublishingService()) continue;
            int port = instance == 1 ? settings.port(service) : Ports.free();
            String name = instanceName(service, instance);
            List<String> properties = new ArrayList<>(Platform.serviceProperties(service, settings, kafka, mongo));
            properties.addAll(instanceProperties(service, settings, instance, mailbox));
            nodes.put(name, service(settings, service, name, port, properties));
            urls.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add("http://127.0.0.1:" + port);
            added.add(name);
        }
        instances = instance;
        return added;
    }

    /** How many instances of each service the platform runs. */
    public int instances() {
        return instances;
    }

    /**
     * Starts more instances of each service beside the running ones, up to {@code target} each, and waits
     * until they serve: a platform scaled out while it holds data, as an operator adds a machine.
     */
    public void scaleTo(int target) throws InterruptedException {
        List<String> added = new ArrayList<>();
        while (instances < target) {
            added.addAll(addInstances(instances + 1));
        }
        startAll(added);
    }

    /** e.g. {@code search-service} for the first instance, {@code search-service-2} for the second. */
    public static String instanceName(HeraldService service, int instance) {
        return instance == 1 ? service.artifact() : service.artifact() + "-" + instance;
    }

    private static List<String> instanceProperties(HeraldService service, PlatformSettings settings, int instance,
                                                   LocalMailbox mailbox) {
        List<String> properties = new ArrayList<>();
        if (service == HeraldService.SEARCH && instance > 1) {
            // each search instance keeps an index of its own on its own disk
            properties.add("--herald.search.index-path=" + settings.dataDir().resolve("search-index-" + instance).toAbsolutePath());
        }
        if (service == HeraldService.NOTIFICATION) {
            properties.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailbox.port()));
        }
        return properties;
    }

    private static Node service(PlatformSettings settings, HeraldService service, String name, int port, List<String> properties) {
        return new Node(name, () -> {
            ServiceProcess process = ServiceProcess.start(service, settings, port, name, properties);
            return new Node.Started(process.process(), process::awaitHealthy);
        });
    }

    private static Node infrastructure(PlatformSettings settings, String name, String kind, Path dir, int port) {
        return new Node(name, () -> {
            Path log = Files.createDirectories(settings.dataDir().resolve("logs")).resolve(name + ".log");
            long start = LogMarker.end(log);
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"));
            command.addAll(compilerOfThisJvm());
            if (Runtime.version().feature() >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
            command.addAll(List.of("-jar", launcherJar(settings.root()).toString(), "infra", kind,
                    "--dir=" + dir.toAbsolutePath(), "--port=" + port));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new Node.Started(process, timeout -> LogMarker.await(name, process, log, start,
                    InfrastructureProcess.READY, timeout));
        });
    }

    /**
     * The broker and the store compile as the JVM that starts them: under the test suite (no C2, see the
     * parent pom) a start costs less CPU on a busy machine; {@code ./herald chaos} keeps the JDK's default.
     */
    static List<String> compilerOfThisJvm() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:TieredStopAtLevel=")).toList();
    }

    static Path launcherJar(Path root) {
        Path target = root.resolve("infra/launcher/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("herald-launcher-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no launcher jar in " + target + "; build with ./herald build"));
        } catch (IOException e) {
            throw new UncheckedIOException("no launcher jar in " + target + "; build with ./herald build", e);
        }
    }

    /** Starts the named parts concurrently and waits until every one serves. */
    public void startAll(List<String> names) throws InterruptedException {
        List<CompletableFuture<Void>> starts = names.stream().map(name -> CompletableFuture.runAsync(() -> {
            try {
                nodes.get(name).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) throw new IllegalArgumentException("no part named " + name + "; parts: " + nodes.keySet());
        return node;
    }

    public List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    /** The names of the instances of one service. */
    public List<String> instances(HeraldService service) {
        return nodes.keySet().stream().filter(n -> n.equals(service.artifact()) || n.startsWith(service.artifact() + "-")).toList();
    }

    /**
     * CPU seconds each part has used, in starting and in all, with its starts: where a run's time went,
     * since on two cores it is CPU rather than waiting that a run of faults spends.
     */
    public String costs() {
        StringBuilder line = new StringBuilder("herald chaos: CPU by part (starting / in all, starts):");
        double starting = 0;
        double total = 0;
        for (Node node : nodes.values()) {
            Node.Cost cost = node.cost();
            starting += cost.starting().toMillis() / 1000.0;
            total += cost.total().toMillis() / 1000.0;
            line.append(String.format(java.util.Locale.ROOT, " %s %.0f / %.0f s (%d);", node.name(),
                    cost.starting().toMillis() / 1000.0, cost.total().toMillis() / 1000.0, cost.starts()));
        }
        return line.append(String.format(java.util.Locale.ROOT, " all parts %.0f / %.0f s", starting, total)).toString();
    }

    @Override
    public List<String> urls(HeraldService service) {
        return urls.get(service);
    }

    @Override
    public PlatformSettings settings() {
        return settings;
    }

    @Override
    public String kafkaBootstrap() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (cleanup != null && Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: it finds the platform closed
            }
        }
        out.println(costs());
        List<Node> reversed = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reversed);
        // services first, then the issuer, the store and the broker they lean on
        reversed.stream().filter(n -> !Arrays.asList(BROKER, STORE, AUTH).contains(n.name())).parallel().forEach(Node::stop);
        nodes.get(AUTH).stop();
        nodes.get(STORE).stop();
        nodes.get(BROKER).stop();
        mailbox.close();
    }
}
