package io.firebreak.playbook.crisis;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrisisTransitionRepository implements PanacheRepositoryBase<CrisisTransition, UUID> {

    public Uni<List<CrisisTransition>> ofCrisis(UUID crisisId) {
        return list("crisisId", Sort.ascending("at"), crisisId);
    }
}
