package dev.herald.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One broker and one store per test JVM, started on first use on free ports and gone with the JVM,
 * so a module's test classes share them instead of each paying a broker start.
 */
public final class TestInfrastructure {

    private static EmbeddedKafka kafka;
    private static EmbeddedMongo mongo;
    private static KafkaTestClient kafkaClient;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            try {
                kafka = EmbeddedKafka.start(Files.createTempDirectory("herald-kafka"), Ports.free(), 3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // no close at exit: the test contexts' consumers leave their groups in shutdown hooks of their
            // own, and a broker stopping under them makes each wait out its 30 s close timeout
        }
        return kafka;
    }

    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.inMemory(Ports.free());
            // no close at exit either: the store is in memory and goes with the JVM, while the test contexts'
            // last writes at shutdown (leases given back) would otherwise wait out the driver's 30 s server selection

        }
        return mongo;
    }

    /** Plain Kafka clients on the shared broker, for tests that act as another service. */
    public static synchronized KafkaTestClient kafkaClient() {
        if (kafkaClient == null) {
            kafkaClient = new KafkaTestClient(kafka().bootstrapServers());
            KafkaTestClient started = kafkaClient;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return kafkaClient;
    }
}
