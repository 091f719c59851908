package io.firebreak.publishing.crisis;

import io.firebreak.events.CrisisStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrisisContextRepository implements PanacheRepositoryBase<CrisisContext, UUID> {

    /** True while a real (not drill) crisis is live: promotional posts must wait. */
    public Uni<Boolean> anyHoldingScheduledPosts() {
        return count("drill = false and status in ?1", List.of(CrisisStatus.ACTIVE, CrisisStatus.CONTAINED))
                .map(live -> live > 0);
    }

    public Uni<List<CrisisContext>> newestFirst() {
        return listAll(Sort.descending("changedAt"));
    }
}
