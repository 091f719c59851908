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

    public Uni<Long> deletePublishedBefore(Instant limit) {
        return delete("publishedAt < ?1", limit);
    }
}
