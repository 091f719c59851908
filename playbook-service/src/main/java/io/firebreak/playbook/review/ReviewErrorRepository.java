package io.firebreak.playbook.review;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReviewErrorRepository implements PanacheRepositoryBase<ReviewError, UUID> {

    public Uni<List<ReviewError>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("recordedAt"), crisisId);
    }
}
