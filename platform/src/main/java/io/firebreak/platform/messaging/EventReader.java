package io.firebreak.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.firebreak.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
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
            CloudEvent<T> event = readers.computeIfAbsent(dataType, type -> json.readerFor(
                    json.getTypeFactory().constructParametricType(CloudEvent.class, type))).readValue(value);
            if (event.data() == null) {
                throw new MalformedEventException("event " + event.id() + " has no data");
            }
            return event;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a " + dataType.getSimpleName() + " event: " + e.getMessage());
        }
    }

    /** A record no retry can fix; it goes to the dead-letter topic with this reason. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
