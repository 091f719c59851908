package io.firebreak.monitoring.signal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<Signal, UUID> {

    public Uni<List<Signal>> newestFirst(SignalStatus status, int page, int size) {
        Sort newestFirst = Sort.descending("raisedAt");
        var query = status == null ? findAll(newestFirst) : find("status", newestFirst, status);
        return query.page(Page.of(page, size)).list();
    }
}
