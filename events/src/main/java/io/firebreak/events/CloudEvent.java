package io.firebreak.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * CloudEvents 1.0 envelope (structured JSON mode) around the payload of every Firebreak event.
 * The Kafka key is the {@code subject}: the id of the aggregate the event is about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new event with a fresh id, stamped now (millisecond precision, as stored and sent). */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), subject, JSON, data);
    }
}
