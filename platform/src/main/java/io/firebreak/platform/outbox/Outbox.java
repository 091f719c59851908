package io.firebreak.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Writes an event into the outbox table inside the caller's transaction, so that the event exists if and
 * only if the state change it announces was committed. {@link OutboxRelay} sends it to Kafka.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxConfig config;

    public Outbox(ObjectMapper json, OutboxConfig config) {
        this.json = json;
        this.config = config;
    }

    /** Wraps {@code data} in a new CloudEvent whose subject (and Kafka key) is {@code subject}, and stores it. */
    public <T> Uni<CloudEvent<T>> publish(String topic, String type, String subject, T data) {
        CloudEvent<T> event = CloudEvent.of(config.source(), type, subject, data);
        return append(topic, event).replaceWith(event);
    }

    public Uni<Void> append(String topic, CloudEvent<?> event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot serialise event " + event.id(), e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into outbox_event (event_id, topic, message_key, payload) values (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, topic)
                .setParameter(3, event.subject())
                .setParameter(4, payload)
                .executeUpdate())
                .replaceWithVoid();
    }
}
