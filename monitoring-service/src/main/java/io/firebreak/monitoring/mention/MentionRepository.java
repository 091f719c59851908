package io.firebreak.monitoring.mention;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MentionRepository implements PanacheRepositoryBase<Mention, UUID> {

    /** The external ids of this source already stored, among those given. */
    public Uni<List<String>> storedExternalIds(String source, Collection<String> externalIds) {
        return getSession().chain(session -> session
                .createSelectionQuery("select externalId from Mention where source = :source "
                        + "and externalId in :ids", String.class)
                .setParameter("source", source)
                .setParameter("ids", externalIds)
                .getResultList());
    }

    public Uni<Mention> bySourceAndExternalId(String source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResult();
    }

    /**
     * The posts driving a watch's surge: received in the window, negative first, then by reach plus engagement
     * (how many people saw or answered them).
     */
    public Uni<List<UUID>> driving(UUID watchId, Instant from, Instant to, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select id from mention
                        where received_at >= ?1 and received_at < ?2 and watch_ids like ?3
                        order by (sentiment_label = 'negative') desc,
                                 coalesce(reach, 0) + coalesce(engagement, 0) desc, received_at
                        limit ?4""", UUID.class)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, "%" + watchId + "%")
                .setParameter(4, limit)
                .getResultList());
    }

    public Uni<List<Mention>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    public Uni<Long> deletePublishedBefore(Instant limit) {
        return delete("publishedAt < ?1", limit);
    }
}
