package dev.herald.infra.embedded;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that runs long on one connection holds up no other connection to the store. */
class LongCommandTest {

    /** Holds every command on the collection {@code slow} until released, as a long scan would. */
    static final class HeldBackend extends MemoryBackend {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Document handleMessage(MongoMessage message) {
            if ("slow".equals(message.getDocument().get("find"))) {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.handleMessage(message);
        }
    }

    @Test
    void otherConnectionsAreAnsweredWhileOneCommandRuns() throws Exception {
        HeldBackend backend = new HeldBackend();
        List<MongoClient> clients = new ArrayList<>();
        EmbeddedMongo store = EmbeddedMongo.start(backend, Ports.free());
        try {
            MongoClient slow = client(store);
            clients.add(slow);
            Thread held = Thread.ofVirtual().start(() -> slow.getDatabase("moderation").getCollection("slow").find().first());
            assertThat(backend.entered.await(10, TimeUnit.SECONDS)).as("the long command started").isTrue();

            // a client holds a connection for commands and one or two for monitoring: eight clients are more than
            // netty's default of two loops a core would spread without one sharing the held loop
            for (int i = 0; i < 8; i++) {
                MongoClient other = client(store);
                clients.add(other);
                other.getDatabase("search").getCollection("articles").insertOne(new org.bson.Document("_id", i));
                assertThat(other.getDatabase("search").getCollection("articles").countDocuments()).as("connection %d", i)
                        .isEqualTo(i + 1);
            }

            held.join(Duration.ofMillis(100));
            assertThat(held.isAlive()).as("the long command is still running").isTrue();
        } finally {
            backend.release.countDown();
            clients.forEach(MongoClient::close);
            store.close();
        }
    }

    // one connection each, and a read timeout that fails the test rather than hanging it
    private static MongoClient client(EmbeddedMongo store) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(1))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
