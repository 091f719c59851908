package io.firebreak.monitoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEvent;
import io.firebreak.platform.outbox.OutboxConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The platform's outbox, written many rows per statement on a connection whose transaction the caller holds (the
 * mention batches: one transaction per Kafka poll). Same table and payloads as {@code Outbox}; the same
 * {@code OutboxRelay} sends them.
 */
@ApplicationScoped
public class BatchOutbox {

    /** One row: an event for {@code topic}, keyed by {@code key}, with its JSON {@code payload}. */
    public record Row(UUID eventId, String topic, String key, String payload) {
    }

    private final ObjectMapper json;
    private final OutboxConfig config;

    public BatchOutbox(ObjectMapper json, OutboxConfig config) {
        this.json = json;
        this.config = config;
    }

    /** Wraps {@code data} in a new CloudEvent of this service whose subject (and Kafka key) is {@code subject}. */
    public <T> Row event(String topic, String type, String subject, T data) {
        CloudEvent<T> event = CloudEvent.of(config.source(), type, subject, data);
        try {
            return new Row(UUID.fromString(event.id()), topic, subject, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    public Uni<Void> append(SqlConnection connection, List<Row> rows) {
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
        // unnest keeps the array order, and the outbox's bigserial id (the relay's send order) follows it. A row whose
        // event id is already there (a dead letter of a redelivered poll, named after its offset) is not repeated.
        return connection.preparedQuery("""
                        insert into outbox_event (event_id, topic, message_key, payload)
                        select * from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[])
                        on conflict (event_id) do nothing""")
                .execute(Tuple.of(ids, topics, keys, payloads))
                .replaceWithVoid();
    }
}
