package io.firebreak.notification.delivery;

import io.firebreak.notification.Chunked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due deliveries for this replica until {@code leaseUntil}, counting the attempt:
     * rows another replica is claiming are skipped, not waited for, so each is taken by exactly one.
     */
    public Uni<List<UUID>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update delivery set lease_until = $1, attempts = attempts + 1
                        where id in (select id from delivery
                                     where state = 'QUEUED' and next_attempt_at <= $2
                                       and (lease_until is null or lease_until <= $2)
                                     order by next_attempt_at limit $3
                                     for update skip locked)
                        returning id""")
                .execute(Tuple.of(utc(leaseUntil), utc(now), limit)))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                    }
                    return ids;
                });
    }

    public Uni<List<Delivery>> ofNotifications(List<UUID> notificationIds) {
        return list("notificationId in ?1", Sort.ascending("createdAt", "channel", "address"), notificationIds);
    }

    public Uni<Delivery> byProviderMessage(String provider, String messageId) {
        return find("provider = ?1 and providerMessageId = ?2", provider, messageId).firstResult();
    }

    public Uni<List<Delivery>> ofNotification(UUID notificationId) {
        return list("notificationId", notificationId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public Uni<List<Delivery>> byIds(List<UUID> ids) {
        return Chunked.list(ids, chunk -> list("id in ?1", chunk));
    }
}
