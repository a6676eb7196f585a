package dev.herald.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events, published for integrators as an AsyncAPI 3.0 document (docs/api/events.asyncapi.json): one channel per
 * topic, each message with its CloudEvents headers, its key, a payload schema read from the record that carries it
 * and the checked-in example payload. The document is generated here from {@link HeraldEvents} and must equal the
 * checked-in one, so the two cannot drift; on a difference, rerun with -Dherald.api-docs.write=true and commit.
 */
class AsyncApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Path CHECKED_IN = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize()
            .resolve("docs/api/events.asyncapi.json");

    @Test
    void theGeneratedEventDocumentIsTheCheckedInOne() throws IOException {
        String generated = JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean("herald.api-docs.write")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, generated, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";

        assertThat(checkedIn).as("docs/api/events.asyncapi.json is not what the events generate: rerun with -Dherald.api-docs.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyEventTypeHasAChannelAMessageAndAnExampleThatItsSchemaRequires() throws IOException {
        JsonNode document = document();

        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        for (EventType<?> type : HeraldEvents.ALL) {
            JsonNode message = document.path("components").path("messages").path(type.type());
            assertThat(document.path("channels").path(type.topic()).path("address").asString()).isEqualTo(type.topic());
            assertThat(message.path("headers").path("properties").path("ce_type").path("const").asString()).isEqualTo(type.type());
            JsonNode example = message.path("examples").get(0).path("payload");
            for (JsonNode required : message.path("payload").path("required")) {
                assertThat(example.has(required.asString())).as("%s example has %s", type.type(), required.asString()).isTrue();
            }
            assertThat(message.path("payload").path("required").valueStream().map(JsonNode::asString))
                    .contains("eventId", "when", "articleId")
                    .containsAll(type.required().stream().map(EventType.Required::name).toList());
        }
    }

    static ObjectNode document() throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Herald events");
        info.put("version", "1");
        info.put("description", "What Herald's services tell each other over Kafka. Every record's key is the article id, so one "
                + "article's events keep their order on one partition; every payload is JSON with the CloudEvents attributes "
                + "as ce_* headers (binary mode). A consumer must accept fields it does not know: optional fields are added "
                + "within a version, a breaking change is a new type (…v2). Producer and consumers of each topic: docs/architecture.md.");
        ObjectNode channels = document.putObject("channels");
        ObjectNode messages = JSON.createObjectNode();
        ObjectNode schemas = JSON.createObjectNode();
        for (EventType<?> type : HeraldEvents.ALL) {
            ObjectNode channel = channels.putObject(type.topic());
            channel.put("address", type.topic());
            channel.putObject("messages").putObject(type.type()).put("$ref", "#/components/messages/" + type.type());
            messages.set(type.type(), message(type, schemas));
        }
        ObjectNode components = document.putObject("components");
        components.set("messages", messages);
        components.set("schemas", schemas);
        return document;
    }

    private static ObjectNode message(EventType<?> type, ObjectNode schemas) throws IOException {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.type());
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_specversion").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("description", "the event's id, the same as the payload's eventId");
        properties.putObject("ce_type").put("const", type.type());
        properties.putObject("ce_source").put("type", "string").put("description", "the producing service, urn:herald:<service>");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time");
        properties.putObject("ce_subject").put("type", "string").put("description", "the article id, as the key");
        properties.putObject("traceparent").put("type", "string")
                .put("description", "W3C trace context, when tracing is on: the trace of the request that caused the event");
        headers.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source").add("ce_time");
        message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string").put("description", "the article id");
        message.set("payload", schema(type.payload(), schemas, type));
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/examples/" + type.type() + ".json")) {
            assertThat(in).as("example payload for %s", type.type()).isNotNull();
            message.putArray("examples").addObject().put("name", "example").set("payload", JSON.readTree(in));
        }
        return message;
    }

    private static ObjectNode schema(Class<?> record, ObjectNode schemas, EventType<?> type) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType(), schemas));
        }
        if (type != null) {
            ArrayNode required = schema.putArray("required").add("eventId").add("when").add("articleId");
            type.required().forEach(r -> required.add(r.name()));
        }
        return schema;
    }

    private static ObjectNode schemaOf(Type type, ObjectNode schemas) {
        ObjectNode schema = JSON.createObjectNode();
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            schema.put("type", "array");
            schema.set("items", schemaOf(list.getActualTypeArguments()[0], schemas));
        } else if (type == String.class) {
            schema.put("type", "string");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            schema.put("type", "integer");
        } else if (type == boolean.class || type == Boolean.class) {
            schema.put("type", "boolean");
        } else if (type == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (type == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (type instanceof Class<?> nested && nested.isRecord()) {
            // a part shared by events (a sign-off, a correction) is described once, under the name it is published as
            String name = nested.getSimpleName();
            if (!schemas.has(name)) {
                schemas.set(name, schema(nested, schemas, null));
            }
            schema.put("$ref", "#/components/schemas/" + name);
        } else if (type instanceof Class<?> values && values.isEnum()) {
            schema.put("type", "string");
            ArrayNode names = schema.putArray("enum");
            for (Object value : values.getEnumConstants()) names.add(((Enum<?>) value).name());
        } else {
            throw new AssertionError("no schema for " + type + ": teach AsyncApiDocumentTest the type");
        }
        return schema;
    }
}
