package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrisisRepository implements PanacheRepositoryBase<Crisis, UUID> {

    public Uni<Crisis> findBySignal(UUID signalId) {
        return find("signalId", signalId).firstResult();
    }

    public Uni<List<Crisis>> newestFirst(CrisisStatus status, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt");
        var query = status == null ? findAll(newestFirst) : find("status", newestFirst, status);
        return query.page(Page.of(page, size)).list();
    }
}
