package io.firebreak.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    /** An event ready for {@link #appendAll}: its id, topic, Kafka key and JSON. */
    public record Row(UUID eventId, String topic, String key, String payload) {
    }

    /** Wraps {@code data} in a new CloudEvent of this service whose subject (and Kafka key) is {@code subject}. */
    public <T> Row row(String topic, String type, String subject, T data) {
        CloudEvent<T> event = CloudEvent.of(config.source(), type, subject, data);
        try {
            return new Row(UUID.fromString(event.id()), topic, subject, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /**
     * Many events in one statement on {@code connection}, in the transaction its caller holds (batches written
     * without a Hibernate session), in list order: unnest keeps it, and the outbox's bigserial id (the relay's
     * sending order) follows it. An event id already in the outbox is not repeated.
     */
    public Uni<Void> appendAll(SqlConnection connection, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = new UUID[rows.size()];
        String[] topics = new String[rows.size()];
        String[] keys = new String[rows.size()];
        String[] payloads = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ids[i] = row.eventId();
            topics[i] = row.topic();
            keys[i] = row.key();
            payloads[i] = row.payload();
        }
        return connection.preparedQuery("""
                        insert into outbox_event (event_id, topic, message_key, payload)
                        select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[])
                        on conflict (event_id) do nothing""")
                .execute(Tuple.of(ids, topics, keys, payloads))
                .replaceWithVoid();
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
