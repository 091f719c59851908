package io.firebreak.notification.chat;

import io.firebreak.events.CrisisStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChatPostRepository implements PanacheRepositoryBase<ChatPost, UUID> {

    private final Pool pool;

    public ChatPostRepository(Pool pool) {
        this.pool = pool;
    }

    /** Like deliveries: due posts are leased to this replica, skipping those another replica is claiming. */
    public Uni<List<UUID>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update chat_post set lease_until = $1, attempts = attempts + 1
                        where id in (select id from chat_post
                                     where state = 'QUEUED' and next_attempt_at <= $2
                                       and (lease_until is null or lease_until <= $2)
                                     order by next_attempt_at limit $3
                                     for update skip locked)
                        returning id""")
                .execute(Tuple.of(leaseUntil.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), limit)))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                    }
                    return ids;
                });
    }

    /** The posts queued about this crisis state (one per webhook at most). */
    public Uni<List<ChatPost>> ofCrisisState(UUID crisisId, CrisisStatus status) {
        return list("crisisId = ?1 and crisisStatus = ?2", crisisId, status);
    }

    /** The latest post of each webhook, newest first. */
    public Uni<List<ChatPost>> ofWebhook(UUID webhookId) {
        return list("webhookId", Sort.descending("createdAt"), webhookId);
    }
}
