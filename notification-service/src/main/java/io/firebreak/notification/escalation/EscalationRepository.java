package io.firebreak.notification.escalation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EscalationRepository implements PanacheRepositoryBase<Escalation, UUID> {

    private final Pool pool;

    public EscalationRepository(Pool pool) {
        this.pool = pool;
    }

    /** A step claimed by this replica: which escalation, and the deadline it was claimed for. */
    public record Claim(UUID id, Instant dueAt) {
    }

    /**
     * Claims up to {@code limit} running escalations whose step is due by {@code dueBy}, earliest first, for this
     * replica until {@code leaseUntil}: rows another replica is claiming, or holds under an unexpired lease, are
     * skipped, not waited for, so each due step is claimed by exactly one replica.
     */
    public Uni<List<Claim>> claimDue(Instant now, Instant dueBy, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update escalation set lease_until = $1
                        where id in (select id from escalation
                                     where state = 'RUNNING' and due_at <= $2
                                       and (lease_until is null or lease_until <= $3)
                                     order by due_at limit $4
                                     for update skip locked)
                        returning id, due_at""")
                .execute(Tuple.of(utc(leaseUntil), utc(dueBy), utc(now), limit)))
                .map(rows -> {
                    List<Claim> claims = new ArrayList<>();
                    for (Row row : rows) {
                        claims.add(new Claim(row.getUUID("id"), row.getOffsetDateTime("due_at").toInstant()));
                    }
                    claims.sort(Comparator.comparing(Claim::dueAt));
                    return claims;
                });
    }

    /**
     * The escalations, their rows locked until the caller's transaction ends (in id order, so that two
     * transactions locking overlapping sets do not deadlock): a step is fired by one at a time.
     */
    public Uni<List<Escalation>> lockByIds(List<UUID> ids) {
        return find("id in ?1", Sort.ascending("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<Escalation>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("role"), crisisId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
