package io.firebreak.publishing.crisis;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrisisContextRepository implements PanacheRepositoryBase<CrisisContext, UUID> {

    public Uni<List<CrisisContext>> newestFirst() {
        return listAll(Sort.descending("changedAt"));
    }
}
