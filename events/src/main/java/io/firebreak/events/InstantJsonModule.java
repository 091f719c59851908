package io.firebreak.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads and writes the usual {@code 2026-11-23T10:00:00Z} instants with {@link IsoInstants} and leaves every other
 * case (numbers, offsets, errors, {@code @JsonFormat}) to JavaTimeModule's own codec, so the JSON and the results
 * are the same. Register it after JavaTimeModule: the module registered last wins.
 */
public final class InstantJsonModule extends SimpleModule {

    public InstantJsonModule() {
        super(InstantJsonModule.class.getSimpleName());
        addDeserializer(Instant.class, new FastInstantDeserializer());
        addSerializer(Instant.class, new FastInstantSerializer());
    }

    static final class FastInstantDeserializer extends StdScalarDeserializer<Instant>
            implements ContextualDeserializer {

        /** What JavaTimeModule registers for Instant with its default features. */
        private static final InstantDeserializer<Instant> STANDARD = InstantDeserializer.INSTANT;

        FastInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = IsoInstants.parseOrNull(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return STANDARD.deserialize(parser, context);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                TypeDeserializer typeDeserializer) throws IOException {
            return STANDARD.deserializeWithType(parser, context, typeDeserializer);
        }

        @Override
        public LogicalType logicalType() {
            return STANDARD.logicalType();
        }

        /** A property whose {@code @JsonFormat} customises the standard deserializer gets that one instead. */
        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = STANDARD.createContextual(context, property);
            return contextual == STANDARD ? this : contextual;
        }
    }

    static final class FastInstantSerializer extends StdSerializer<Instant> implements ContextualSerializer {

        private static final InstantSerializer STANDARD = InstantSerializer.INSTANCE;

        FastInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                STANDARD.serialize(value, generator, provider);
            } else {
                generator.writeString(IsoInstants.format(value));
            }
        }

        @Override
        public void serializeWithType(Instant value, JsonGenerator generator, SerializerProvider provider,
                TypeSerializer typeSerializer) throws IOException {
            STANDARD.serializeWithType(value, generator, provider, typeSerializer);
        }

        @Override
        public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType typeHint)
                throws JsonMappingException {
            STANDARD.acceptJsonFormatVisitor(visitor, typeHint);
        }

        /**
         * A property with a {@code @JsonFormat} (or a format config override) gets the standard serializer for it.
         * Unlike the deserializer, InstantSerializer returns a copy even for an empty format, so the format itself
         * is what tells whether anything was customised.
         */
        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
            if (format == null || format.equals(JsonFormat.Value.empty())) {
                return this;
            }
            return STANDARD.createContextual(provider, property);
        }
    }
}
