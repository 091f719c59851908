package io.firebreak.notification.contact;

import io.firebreak.notification.Chunked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PushDeviceRepository implements PanacheRepositoryBase<PushDevice, UUID> {

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

    /** The reachable devices of all these people. */
    public Uni<List<PushDevice>> reachable(List<String> subjects) {
        return Chunked.list(subjects, chunk -> list("ownerSubject in ?1 and rejectedAt is null",
                Sort.ascending("registeredAt"), chunk));
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
