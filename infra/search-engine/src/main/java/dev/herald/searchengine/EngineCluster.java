package dev.herald.searchengine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A cluster of {@link SearchEngineNode}s, each a JVM process of its own, for tests and local runs. Plain Java
 * on purpose: a module that uses it needs none of OpenSearch on its own class path, only this class (its
 * dependency on this module excludes everything transitive), and the nodes get the class path this module was
 * built with ({@code herald-search-engine.classpath}, written by the build beside the classes).
 */
public final class EngineCluster implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "/herald-search-engine.classpath";
    /** Where this module's own classes are, for a caller running from an executable jar. */
    public static final String OWN_CLASSES_PROPERTY = "herald.search-engine.classes";
    /** Starting a node is JIT-bound and slow on a busy two-core machine; a node that has not started by then never will. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path directory;
    private final List<Node> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EngineCluster(Path directory, List<Node> nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    /** Starts {@code size} nodes under {@code directory} (one folder each), every one eligible as cluster manager. */
    public static EngineCluster start(Path directory, int size) {
        List<Integer> http = freePorts(size);
        List<Integer> transport = freePorts(size);
        String seeds = transport.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String names = IntStream.rangeClosed(1, size).mapToObj(i -> "node-" + i).collect(Collectors.joining(","));
        List<Node> nodes = new ArrayList<>();
        EngineCluster cluster = new EngineCluster(directory, nodes);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "engine-cluster-stop"));
        try {
            for (int i = 0; i < size; i++) {
                List<String> settings = new ArrayList<>(List.of(
                    "node.name=node-" + (i + 1),
                    "path.home=" + directory.resolve("node-" + (i + 1)),
                    "http.port=" + http.get(i),
                    "transport.port=" + transport.get(i)));
                if (size == 1) {
                    settings.add("discovery.type=single-node");
                } else {
                    settings.add("discovery.seed_hosts=" + seeds);
                    settings.add("cluster.initial_cluster_manager_nodes=" + names);
                }
                nodes.add(Node.launch(directory.resolve("node-" + (i + 1)), http.get(i), settings));
            }
            for (Node node : nodes) {
                node.awaitStarted();
            }
            cluster.awaitHealth("wait_for_nodes=" + size);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The nodes' HTTP addresses, {@code http://127.0.0.1:port}, of the nodes still running. */
    public List<String> httpHosts() {
        return nodes.stream().filter(Node::running).map(n -> "http://127.0.0.1:" + n.httpPort).toList();
    }

    /** Kills node {@code index} (0-based) as a crash would: no shutdown, no goodbye to the cluster. */
    public void kill(int index) {
        Node node = nodes.get(index);
        node.process.destroyForcibly();
        try {
            node.process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Which node (0-based) the cluster elected as its manager. */
    public int clusterManager() {
        String name = get(httpHosts().getFirst() + "/_cat/cluster_manager?h=node").strip();
        if (!name.startsWith("node-")) {
            throw new IllegalStateException("no elected cluster manager: " + name);
        }
        return Integer.parseInt(name.substring("node-".length())) - 1;
    }

    /**
     * Blocks until the cluster reports the wanted state ({@code wait_for_status=green}, {@code wait_for_nodes=2}...):
     * the engine itself waits, up to its own timeout, so this never polls.
     */
    public void awaitHealth(String condition) {
        String host = httpHosts().getFirst();
        // the health of a cluster is the manager's to tell: while one is being elected the request waits for it
        String body = get(host + "/_cluster/health?timeout=120s&cluster_manager_timeout=120s&" + condition);
        if (body.contains("\"timed_out\":true")) {
            throw new IllegalStateException("cluster never reached " + condition + ": " + body);
        }
    }

    private String get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(new URI(url)).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.process.destroy();
        }
        for (Node node : nodes) {
            try {
                if (!node.process.waitFor(30, TimeUnit.SECONDS)) {
                    node.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.process.destroyForcibly();
            }
        }
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is what we wanted from it
                }
            }
        }
    }

    static String classPath() {
        try (InputStream in = EngineCluster.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build infra/search-engine with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            // inside an executable jar this class's location is a nested jar no other process can read, so the
            // launcher names this module's classes on disk instead
            String named = System.getProperty(OWN_CLASSES_PROPERTY);
            Path own = named != null ? Path.of(named)
                    : Path.of(EngineCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return own + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Node(Process process, int httpPort, CompletableFuture<Void> started) {

        static Node launch(Path home, int httpPort, List<String> settings) {
            try {
                Files.createDirectories(home);
                List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx512m"));
                command.addAll(compilerAndCollectorOfThisJvm());
                command.addAll(List.of("-cp", classPath(), SearchEngineNode.class.getName()));
                command.addAll(settings);
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                CompletableFuture<Void> started = new CompletableFuture<>();
                Path log = home.resolve("node.log");
                Thread.ofPlatform().daemon().name("engine-log-" + httpPort).start(() -> copy(process, log, started));
                return new Node(process, httpPort, started);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A node compiles and collects as the JVM that starts it: a test suite's short-lived JVMs spare the C2
         * compiler on a busy machine, and so do its nodes, while a benchmark's nodes keep the JDK's defaults.
         */
        private static List<String> compilerAndCollectorOfThisJvm() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-XX:TieredStopAtLevel=") || a.matches("-XX:\\+Use\\w+GC"))
                    .toList();
        }

        private static void copy(Process process, Path log, CompletableFuture<Void> started) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.println(line);
                    if (line.startsWith(SearchEngineNode.STARTED)) {
                        started.complete(null);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("the node stopped before it started; see " + log));
        }

        void awaitStarted() {
            try {
                started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the node did not start within " + START_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        boolean running() {
            return process.isAlive();
        }
    }
}
