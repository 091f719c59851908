package io.firebreak.monitoring.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The platform's outbox, written many rows per statement on a connection whose transaction the caller holds (the
 * dead letters of a mention batch: one transaction per Kafka poll). Same table and payloads as {@code Outbox}; the
 * same {@code OutboxRelay} sends them.
 */
@ApplicationScoped
public class BatchOutbox {

    /** One row: an event for {@code topic}, keyed by {@code key}, with its JSON {@code payload}. */
    public record Row(UUID eventId, String topic, String key, String payload) {
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
