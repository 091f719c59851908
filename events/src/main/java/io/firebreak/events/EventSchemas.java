package io.firebreak.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event against the JSON Schema of its topic ({@code schemas/<topic>.schema.json}).
 * Producers' and consumers' tests check what they send and read with it; it can also guard
 * what untrusted connectors put on {@code mentions.raw.v1}.
 */
public final class EventSchemas {

    private static final String SCHEMA_BASE = "https://firebreak.io/schemas/";
    private static final ObjectMapper MAPPER = EventJson.newMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of {@code eventJson} against the schema of {@code topic}; empty when it conforms. */
    public static List<String> violations(String topic, String eventJson) {
        try {
            return violations(topic, MAPPER.readTree(eventJson));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static List<String> violations(String topic, JsonNode event) {
        return schemaOf(topic).validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Serialises {@code event} and fails with the list of violations if it does not match its topic's schema. */
    public static void requireValid(String topic, Object event) {
        List<String> violations = violations(topic, MAPPER.valueToTree(event));
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("event does not match " + topic + ": " + violations);
        }
    }

    private static JsonSchema schemaOf(String topic) {
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        return SCHEMAS.computeIfAbsent(topic, t -> {
            try {
                return FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + t + ".schema.json"), CONFIG);
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("cannot load schema of " + t, e));
            }
        });
    }
}
