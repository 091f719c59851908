package io.firebreak.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a CloudEvent from a Kafka record value, with its payload typed. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    public <T> CloudEvent<T> read(String value, Class<T> dataType) {
        JavaType type = json.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        try {
            CloudEvent<T> event = json.readValue(value, type);
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
