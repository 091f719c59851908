package io.firebreak.publishing.publication;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, UUID> {

    /**
     * What a dispatcher pass locks: publications due by the horizon ({@code ?2}, now plus the lookahead) that no
     * replica has reserved, claims that expired, and UNKNOWN publications due to be looked up. Rows another replica
     * has locked are skipped, not waited for: each goes to one claimer. Public so that the dispatcher benchmark
     * claims with this very statement.
     */
    public static final String LOCK_DUE = """
            select * from publication
            where (state in ('SCHEDULED', 'RETRYING') and due_at <= ?2 and (lease_until is null or lease_until <= ?1))
               or (state = 'PUBLISHING' and lease_until <= ?1)
               or (state = 'UNKNOWN' and reconcile and due_at <= ?1)
            order by due_at
            limit ?3
            for update skip locked""";

    /**
     * A publication {@code owner} reserved, locked at its due time; nothing when it was cancelled, held or
     * rescheduled meanwhile (any move clears the reservation) or another replica took the expired reservation over.
     */
    public static final String LOCK_RESERVED = """
            select * from publication
            where id = ?1 and lease_owner = ?2 and state in ('SCHEDULED', 'RETRYING')
            for update""";

    /** Locks up to {@code limit} publications for the caller's transaction: see {@link #LOCK_DUE}. */
    public Uni<List<Publication>> lockDue(Instant now, Instant horizon, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_DUE, Publication.class)
                .setParameter(1, now)
                .setParameter(2, horizon)
                .setParameter(3, limit)
                .getResultList());
    }

    /** See {@link #LOCK_RESERVED}; null when the reservation no longer stands. */
    public Uni<Publication> lockReserved(UUID id, String owner) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_RESERVED, Publication.class)
                .setParameter(1, id)
                .setParameter(2, owner)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    public Uni<Publication> findByStatementAndChannel(UUID statementId, UUID channelId) {
        return find("statementId = ?1 and channelId = ?2", statementId, channelId).firstResult();
    }

    public Uni<List<Publication>> ofStatement(UUID statementId) {
        return list("statementId", statementId);
    }

    /** Promotional posts still waiting to go out: what a live crisis holds (never a reply to a critic). */
    public Uni<List<Publication>> pendingPromotional() {
        return list("crisisId is null and holdReleased = false and replyPostId is null and state in ?1",
                List.of(PublicationState.SCHEDULED, PublicationState.RETRYING));
    }

    /** Everything still waiting to go out, crisis statements included: what the manual switch holds. */
    public Uni<List<Publication>> pending() {
        return list("state in ?1", List.of(PublicationState.SCHEDULED, PublicationState.RETRYING));
    }

    public Uni<List<Publication>> search(UUID crisisId, UUID channelId, PublicationState state, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (crisisId != null) {
            where.add("crisisId = :crisis");
            parameters.and("crisis", crisisId);
        }
        if (channelId != null) {
            where.add("channelId = :channel");
            parameters.and("channel", channelId);
        }
        if (state != null) {
            where.add("state = :state");
            parameters.and("state", state);
        }
        Sort sort = Sort.descending("scheduledAt").and("id");
        if (where.isEmpty()) {
            return findAll(sort).page(page, size).list();
        }
        return find(String.join(" and ", where), sort, parameters).page(page, size).list();
    }
}
