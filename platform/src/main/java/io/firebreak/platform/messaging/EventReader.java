package io.firebreak.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.firebreak.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a CloudEvent from a Kafka record value, with its payload typed. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;
    /**
     * A reader per payload type: building the parameterised type for every record went through Jackson's type
     * cache, a few percent of a busy consumer's time.
     */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    public <T> CloudEvent<T> read(String value, Class<T> dataType) {
        try {
            return withData(readerFor(dataType).readValue(value));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw malformed(dataType, e);
        }
    }

    /**
     * The same from the record's bytes, which spares decoding them into a String first. Bytes that are not valid
     * UTF-8 are read as a String decoder reads them (replaced), as they were before.
     */
    public <T> CloudEvent<T> read(byte[] value, Class<T> dataType) {
        if (value == null) {
            throw new MalformedEventException("not a " + dataType.getSimpleName() + " event: no value");
        }
        try {
            return withData(readerFor(dataType).readValue(value));
        } catch (IOException e) {
            return read(new String(value, StandardCharsets.UTF_8), dataType);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw malformed(dataType, e);
        }
    }

    private ObjectReader readerFor(Class<?> dataType) {
        return readers.computeIfAbsent(dataType,
                type -> json.readerFor(json.getTypeFactory().constructParametricType(CloudEvent.class, type)));
    }

    private static <T> CloudEvent<T> withData(CloudEvent<T> event) {
        if (event.data() == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        return event;
    }

    private static MalformedEventException malformed(Class<?> dataType, Exception cause) {
        return new MalformedEventException("not a " + dataType.getSimpleName() + " event: " + cause.getMessage());
    }

    /** A record no retry can fix; it goes to the dead-letter topic with this reason. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
