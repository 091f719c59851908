package io.firebreak.playbook.crisis;

import io.firebreak.events.CrisisStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class CrisisRepository implements PanacheRepositoryBase<Crisis, UUID> {

    public Uni<Crisis> findBySignal(UUID signalId) {
        return find("signalId", signalId).firstResult();
    }

    /** Drills are counted apart from real crises: {@code drill} filters them in or out when given. */
    public Uni<List<Crisis>> newestFirst(CrisisStatus status, Boolean drill, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt");
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (drill != null) {
            where.add("drill = :drill");
            params.put("drill", drill);
        }
        var query = where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params);
        return query.page(Page.of(page, size)).list();
    }
}
