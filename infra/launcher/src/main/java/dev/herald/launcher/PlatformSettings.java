package dev.herald.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the platform lives and listens. Defaults suit one developer machine; every port can be moved
 * with an environment variable (HERALD_KAFKA_PORT, HERALD_MONGO_PORT, HERALD_INGEST_PORT, ...).
 *
 * @param persistent        true keeps the store on disk under dataDir; false (tests) keeps it in memory
 * @param serviceProperties extra Spring properties per service ({@code --name=value}), after the platform's own
 * @param console           true starts the web console too ({@code ./herald up}); test platforms ask for it
 *                          when they use it, so the others start no sixth JVM
 * @param serviceJvmExtras  JVM options of one service, after the shared ones (so its {@code -Xmx} wins)
 */
public record PlatformSettings(Path root, Path dataDir, int kafkaPort, int mongoPort,
                               Map<HeraldService, Integer> servicePorts, boolean persistent, String serviceJvmOptions,
                               boolean rateLimits, Map<HeraldService, List<String>> serviceProperties, boolean console,
                               Map<HeraldService, String> serviceJvmExtras) {

    public PlatformSettings {
        serviceProperties = serviceProperties == null ? Map.of() : Map.copyOf(serviceProperties);
        serviceJvmExtras = serviceJvmExtras == null ? Map.of() : Map.copyOf(serviceJvmExtras);
    }

    public PlatformSettings(Path root, Path dataDir, int kafkaPort, int mongoPort, Map<HeraldService, Integer> servicePorts,
                            boolean persistent, String serviceJvmOptions, boolean rateLimits,
                            Map<HeraldService, List<String>> serviceProperties, boolean console) {
        this(root, dataDir, kafkaPort, mongoPort, servicePorts, persistent, serviceJvmOptions, rateLimits, serviceProperties,
                console, Map.of());
    }

    public PlatformSettings(Path root, Path dataDir, int kafkaPort, int mongoPort, Map<HeraldService, Integer> servicePorts,
                            boolean persistent, String serviceJvmOptions, boolean rateLimits,
                            Map<HeraldService, List<String>> serviceProperties) {
        this(root, dataDir, kafkaPort, mongoPort, servicePorts, persistent, serviceJvmOptions, rateLimits, serviceProperties, false);
    }

    public PlatformSettings(Path root, Path dataDir, int kafkaPort, int mongoPort, Map<HeraldService, Integer> servicePorts,
                            boolean persistent, String serviceJvmOptions, boolean rateLimits) {
        this(root, dataDir, kafkaPort, mongoPort, servicePorts, persistent, serviceJvmOptions, rateLimits, Map.of());
    }

    /** These settings with more properties for one service, e.g. a webhook schedule of seconds for a test. */
    public PlatformSettings withProperties(HeraldService service, String... properties) {
        Map<HeraldService, List<String>> all = new EnumMap<>(HeraldService.class);
        all.putAll(serviceProperties);
        List<String> merged = new java.util.ArrayList<>(all.getOrDefault(service, List.of()));
        merged.addAll(List.of(properties));
        all.put(service, List.copyOf(merged));
        return new PlatformSettings(root, dataDir, kafkaPort, mongoPort, servicePorts, persistent, serviceJvmOptions,
                rateLimits, all, console, serviceJvmExtras);
    }

    /** These settings with the web console started too, after the services. */
    public PlatformSettings withConsole() {
        return new PlatformSettings(root, dataDir, kafkaPort, mongoPort, servicePorts, persistent, serviceJvmOptions, rateLimits,
                serviceProperties, true, serviceJvmExtras);
    }

    /** Whether the platform starts this process: every one, but the console only when asked for. */
    public boolean starts(HeraldService service) {
        return service != HeraldService.CONSOLE || console;
    }

    /** These settings with the store kept on disk under the data folder, as ./herald up keeps it. */
    public PlatformSettings withStoreOnDisk() {
        return new PlatformSettings(root, dataDir, kafkaPort, mongoPort, servicePorts, true, serviceJvmOptions, rateLimits,
                serviceProperties, console, serviceJvmExtras);
    }

    /** The JVM options one service starts with: the shared ones, then its own. */
    public List<String> jvmOptionsOf(HeraldService service) {
        String own = serviceJvmExtras.getOrDefault(service, "");
        return java.util.Arrays.stream((serviceJvmOptions + " " + own).split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    public List<String> propertiesOf(HeraldService service) {
        return serviceProperties.getOrDefault(service, List.of());
    }

    // small heaps and a quick-starting JIT: four services share a developer's machine
    static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
            + (Runtime.version().feature() >= 24 ? " --sun-misc-unsafe-memory-access=allow" : "");

    /*
     * The notification service holds every subscription's terms in memory to match them: at a million
     * subscriptions 512 MB left it a third of its time in full collections (2026-12-05). A maximum costs
     * nothing until it is used, the heap starting at 64 MB all the same; it applies only while nobody set
     * the shared options, which would otherwise be overridden behind their back.
     */
    static final Map<HeraldService, String> DEFAULT_JVM_EXTRAS = Map.of(HeraldService.NOTIFICATION, "-Xmx1536m");

    public static PlatformSettings fromEnvironment(Path root, Function<String, String> env) {
        Map<HeraldService, Integer> ports = new EnumMap<>(HeraldService.class);
        for (HeraldService service : HeraldService.values()) {
            ports.put(service, port(env, service.portVariable(), service.defaultPort()));
        }
        String dataDir = env.apply("HERALD_DATA_DIR");
        String jvm = env.apply("HERALD_SERVICE_JAVA_OPTS");
        Map<HeraldService, String> extras = new EnumMap<>(HeraldService.class);
        if (jvm == null) extras.putAll(DEFAULT_JVM_EXTRAS);
        for (HeraldService service : HeraldService.values()) {
            String own = env.apply(service.javaOptionsVariable());
            if (own != null) extras.put(service, own);
        }
        return new PlatformSettings(root, dataDir == null ? root.resolve("data") : Path.of(dataDir),
                port(env, "HERALD_KAFKA_PORT", 9092), port(env, "HERALD_MONGO_PORT", 27017), ports, true,
                jvm == null ? DEFAULT_JVM_OPTIONS : jvm, !"false".equalsIgnoreCase(env.apply("HERALD_RATE_LIMITS")), Map.of(),
                !"false".equalsIgnoreCase(env.apply("HERALD_CONSOLE")), extras);
    }

    /** A throw-away platform for tests and benchmarks: every port free, the store in memory, data under dataDir. */
    public static PlatformSettings onFreePorts(Path root, Path dataDir, boolean rateLimits) {
        Map<HeraldService, Integer> ports = new EnumMap<>(HeraldService.class);
        for (HeraldService service : HeraldService.values()) {
            ports.put(service, dev.herald.infra.embedded.Ports.free());
        }
        return new PlatformSettings(root, dataDir, dev.herald.infra.embedded.Ports.free(), dev.herald.infra.embedded.Ports.free(),
                ports, false, DEFAULT_JVM_OPTIONS, rateLimits);
    }

    /** The local authorization server's accounts, with their secrets: git-ignored under the data folder. */
    public Path accountsFile() {
        return dataDir.resolve("accounts.json");
    }

    /** The local issuer's signing key (a JWK with its private part): git-ignored under the data folder. */
    public Path issuerKeyFile() {
        return dataDir.resolve("issuer-key.json");
    }

    public int port(HeraldService service) {
        return servicePorts.get(service);
    }

    public String baseUrl(HeraldService service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** Where the platform's store answers, for the services and for the benches that write to it directly. */
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number (1-65535)");
        }
    }
}
