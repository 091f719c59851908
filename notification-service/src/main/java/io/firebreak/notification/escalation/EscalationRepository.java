package io.firebreak.notification.escalation;

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
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    private final Pool pool;

    public EscalationRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due escalations for this replica until {@code leaseUntil}: rows another
     * replica is claiming are skipped, not waited for, so each due step is fired by exactly one replica.
     */
    public Uni<List<UUID>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update escalation set lease_until = $1
                        where id in (select id from escalation
                                     where state = 'RUNNING' and due_at <= $2
                                       and (lease_until is null or lease_until <= $2)
                                     order by due_at limit $3
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

    public Uni<Boolean> exists(UUID crisisId, String role) {
        return count("crisisId = ?1 and role = ?2", crisisId, role).map(count -> count > 0);
    }

    public Uni<List<Escalation>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("role"), crisisId);
    }
}
