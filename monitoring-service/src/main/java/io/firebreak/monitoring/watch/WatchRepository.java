package io.firebreak.monitoring.watch;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WatchRepository implements PanacheRepositoryBase<Watch, UUID> {

    public Uni<List<Watch>> byName(int page, int size) {
        return findAll(Sort.ascending("name").and("id")).page(Page.of(page, size)).list();
    }
}
