package dev.herald.launcher;

import dev.herald.infra.embedded.EmbeddedKafka;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of Herald on one machine: a real Kafka broker, a MongoDB-wire store and the four service
 * jars, each service in its own JVM exactly as it would run in production, all on loopback.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final List<ServiceProcess> services;
    private final LocalMailbox mailbox;
    private final Leftovers leftovers;

    private Platform(PlatformSettings settings, EmbeddedKafka kafka, EmbeddedMongo mongo, List<ServiceProcess> services,
                     LocalMailbox mailbox, Leftovers leftovers) {
        this.settings = settings;
        this.kafka = kafka;
        this.mongo = mongo;
        this.services = services;
        this.mailbox = mailbox;
        this.leftovers = leftovers;
    }

    public static Platform start(PlatformSettings settings, PrintStream out) throws IOException, InterruptedException {
        Leftovers leftovers = new Leftovers(settings.dataDir());
        java.nio.file.Files.createDirectories(settings.dataDir());
        leftovers.stopEarlierRun(out);
        checkPortsFree(settings);
        out.println("herald: starting Kafka on 127.0.0.1:" + settings.kafkaPort());
        EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), 3);
        EmbeddedMongo mongo = null;
        LocalMailbox mailbox = null;
        List<ServiceProcess> started = new ArrayList<>();
        try {
            out.println("herald: starting the MongoDB-wire store on 127.0.0.1:" + settings.mongoPort());
            mongo = settings.persistent()
                    ? EmbeddedMongo.onDisk(settings.dataDir().resolve("mongo"), settings.mongoPort())
                    : EmbeddedMongo.inMemory(settings.mongoPort());
            // a developer who names an SMTP server gets it; everyone else gets mails as files
            if (System.getenv("SPRING_MAIL_HOST") == null) {
                mailbox = LocalMailbox.start(settings.dataDir().resolve("mail"), out);
                out.println("herald: catching mail on 127.0.0.1:" + mailbox.port() + " into " + mailbox.folder());
            }
            List<dev.herald.auth.account.Account> created = LocalAccounts.createIfMissing(settings);
            for (HeraldService service : HeraldService.values()) {
                if (!settings.starts(service)) {
                    continue;
                }
                out.println("herald: starting " + service.artifact() + " on port " + settings.port(service));
                List<String> properties = new ArrayList<>(serviceProperties(service, settings, kafka.bootstrapServers(),
                        mongo.connectionString()));
                if (service == HeraldService.NOTIFICATION && mailbox != null) {
                    properties.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailbox.port()));
                }
                ServiceProcess process = ServiceProcess.start(service, settings, properties);
                started.add(process);
                leftovers.record(process.process());
            }
            awaitAllHealthy(started);
            LocalAccounts.print(created, settings, out);
            return new Platform(settings, kafka, mongo, started, mailbox, leftovers);
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.forEach(ServiceProcess::stop);
            if (mailbox != null) mailbox.close();
            if (mongo != null) mongo.close();
            kafka.close();
            throw e;
        }
    }

    private static void awaitAllHealthy(List<ServiceProcess> started) throws InterruptedException {
        List<CompletableFuture<Void>> waits = started.stream().map(p -> CompletableFuture.runAsync(() -> {
            try {
                p.awaitHealthy(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** What the platform tells one service on its command line: where the broker, store and issuer are, and so on. */
    public static List<String> serviceProperties(HeraldService service, PlatformSettings settings, String kafkaBootstrap,
                                                 String mongoUri) {
        if (service == HeraldService.AUTH) {
            return List.of("--herald.auth.accounts-file=" + settings.accountsFile().toAbsolutePath(),
                    "--herald.auth.key-file=" + settings.issuerKeyFile().toAbsolutePath(),
                    "--spring.security.oauth2.authorizationserver.issuer=" + settings.baseUrl(HeraldService.AUTH),
                    "--herald.auth.console-url=" + settings.baseUrl(HeraldService.CONSOLE));
        }
        if (service == HeraldService.CONSOLE) {
            // the console is a client of the others, over HTTP only: no broker, no store
            List<String> console = new ArrayList<>(List.of(
                    "--herald.console.ingest-url=" + settings.baseUrl(HeraldService.INGEST),
                    "--herald.console.moderation-url=" + settings.baseUrl(HeraldService.MODERATION),
                    "--herald.console.search-url=" + settings.baseUrl(HeraldService.SEARCH),
                    "--herald.console.notification-url=" + settings.baseUrl(HeraldService.NOTIFICATION),
                    "--herald.console.issuer-url=" + settings.baseUrl(HeraldService.AUTH),
                    "--herald.console.public-url=" + settings.baseUrl(HeraldService.CONSOLE)));
            console.addAll(settings.propertiesOf(service));
            return console;
        }
        List<String> properties = new ArrayList<>(List.of(
                "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap,
                "--spring.mongodb.uri=" + mongoUri,
                "--herald.rate-limits.enabled=" + settings.rateLimits(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + settings.baseUrl(HeraldService.AUTH)));
        if (service == HeraldService.INGEST) {
            // a local platform knows the corpus units, so ./herald demo and the end-to-end tests can submit at once
            properties.add("--herald.ingest.registry.starter=classpath:registry/local.json");
            // and may import a page served on the same machine
            properties.add("--herald.ingest.fetch.allow-loopback=true");
        }
        if (service == HeraldService.SEARCH) {
            properties.add("--herald.search.index-path=" + settings.dataDir().resolve("search-index").toAbsolutePath());
        }
        if (service == HeraldService.NOTIFICATION) {
            // a local platform may call a webhook receiver on the same machine; deployments refuse loopback
            properties.add("--herald.notification.webhook.allow-loopback=true");
            // links in mails and webhook payloads must reach this platform's port, whichever it is
            properties.add("--herald.notification.public-base-url=" + settings.baseUrl(HeraldService.NOTIFICATION));
        }
        properties.addAll(settings.propertiesOf(service));
        return properties;
    }

    private static void checkPortsFree(PlatformSettings settings) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(settings.kafkaPort(), "Kafka (HERALD_KAFKA_PORT)");
        wanted.put(settings.mongoPort(), "MongoDB-wire store (HERALD_MONGO_PORT)");
        for (HeraldService service : HeraldService.values()) {
            if (!settings.starts(service)) continue;
            wanted.put(settings.port(service), service.artifact() + " (" + service.portVariable() + ")");
        }
        List<String> busy = wanted.entrySet().stream().filter(e -> Ports.inUse(e.getKey()))
                .map(e -> "port " + e.getKey() + " for " + e.getValue()).toList();
        if (!busy.isEmpty()) {
            throw new PortInUseException("already in use: " + String.join(", ", busy)
                    + ". Stop what holds it (another ./herald up?) or choose another port with the variable named.");
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Where ./herald up keeps the mails it caught; empty when they go to the SMTP server named by SPRING_MAIL_HOST. */
    /** The mails the local mail server caught; none when mail goes to the server named by SPRING_MAIL_HOST. */
    public List<jakarta.mail.internet.MimeMessage> receivedMails() {
        return mailbox == null ? List.of() : mailbox.received();
    }

    public java.util.Optional<Path> mailFolder() {
        return java.util.Optional.ofNullable(mailbox).map(LocalMailbox::folder);
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The first service that died on its own, if any. */
    public java.util.Optional<String> deadService() {
        return services.stream().filter(p -> !p.isAlive())
                .map(p -> p.service().artifact() + " stopped unexpectedly; see " + p.log()).findFirst();
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(ServiceProcess::stop);
        if (mailbox != null) mailbox.close();
        mongo.close();
        kafka.close();
        leftovers.forget();
    }

    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(String message) {
            super(message);
        }
    }
}
