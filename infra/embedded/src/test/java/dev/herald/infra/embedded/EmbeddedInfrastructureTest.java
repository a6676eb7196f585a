package dev.herald.infra.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

    @Test
    void brokerAcceptsAndDeliversRecordsWithTheirKeys() throws Exception {
        EmbeddedKafka kafka = TestInfrastructure.kafka();
        Map<String, Object> common = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("embedded-smoke", "article-1", "南宁市中医医院")).get();
        }
        var consumerConfig = new java.util.HashMap<String, Object>(common);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "smoke");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("embedded-smoke"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 40 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("article-1");
                assertThat(r.value()).isEqualTo("南宁市中医医院");
            });
        }
    }

    @Test
    void diskBackedStoreKeepsDocumentsAcrossRestart(@TempDir Path dir) {
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir, port);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("herald").getCollection("reports").insertOne(new Document("_id", "r1").append("title", "标题"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir, port);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("herald").getCollection("reports").find().first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("标题");
        }
    }

    @Test
    void busyPortIsReportedAsInUse() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(Ports.inUse(socket.getLocalPort())).isTrue();
        }
        assertThat(Ports.inUse(Ports.free())).isFalse();
    }

    @Test
    void freePortsAreNeverHandedOutTwice() {
        var ports = new java.util.HashSet<Integer>();
        for (int i = 0; i < 200; i++) {
            assertThat(ports.add(Ports.free())).isTrue();
        }
    }

}
