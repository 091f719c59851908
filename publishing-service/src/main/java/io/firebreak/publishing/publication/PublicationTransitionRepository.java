package io.firebreak.publishing.publication;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PublicationTransitionRepository implements PanacheRepositoryBase<PublicationTransition, Long> {

    public Uni<List<PublicationTransition>> ofPublication(UUID publicationId) {
        return list("publicationId", Sort.ascending("id"), publicationId);
    }
}
