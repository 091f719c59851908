package io.firebreak.notification.contact;

import io.firebreak.notification.contact.ContactRules.Platform;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PushDeviceRepository implements PanacheRepositoryBase<PushDevice, UUID> {

    private final Pool pool;

    public PushDeviceRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<PushDevice>> ofOwner(String subject) {
        return list("ownerSubject", Sort.ascending("registeredAt"), subject);
    }

    /** The devices a push can still reach: those whose token no provider rejected. */
    public Uni<List<PushDevice>> reachable(String subject) {
        return list("ownerSubject = ?1 and rejectedAt is null", Sort.ascending("registeredAt"), subject);
    }

    public Uni<List<PushDevice>> rejected() {
        return list("rejectedAt is not null", Sort.ascending("rejectedAt"));
    }

    public Uni<PushDevice> ofOwner(String subject, UUID id) {
        return find("id = ?1 and ownerSubject = ?2", id, subject).firstResult();
    }

    public Uni<PushDevice> ofOwnerWithToken(String subject, String token) {
        return find("ownerSubject = ?1 and token = ?2", subject, token).firstResult();
    }

    /** A device a push can reach, as read for queueing deliveries. */
    public record Target(UUID id, String ownerSubject, Platform platform, String token) {
    }

    /**
     * The reachable devices of all these people, oldest first, in one statement read outside the caller's session
     * (as {@link ContactPointRepository#addressesOf}: no managed entities for a later flush to check).
     */
    public Uni<List<Target>> reachable(List<String> subjects) {
        return pool.preparedQuery("""
                        select id, owner_subject, platform, token from push_device
                        where owner_subject = any($1) and rejected_at is null order by registered_at""")
                .execute(Tuple.of(subjects.toArray(String[]::new)))
                .map(rows -> {
                    List<Target> targets = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        targets.add(new Target(row.getUUID("id"), row.getString("owner_subject"),
                                Platform.valueOf(row.getString("platform")), row.getString("token")));
                    }
                    return targets;
                });
    }

    /**
     * In the caller's transaction (a delivery batch records its outcomes without loading entities): the
     * provider rejected this device's token, so nothing is pushed to it again until the app registers anew.
     */
    public Uni<Void> markRejected(SqlConnection connection, UUID id, String reason, Instant at) {
        return connection.preparedQuery("update push_device set rejected_at = $2, rejected_reason = $3 where id = $1")
                .execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC), PushDevice.storedReason(reason)))
                .replaceWithVoid();
    }
}
