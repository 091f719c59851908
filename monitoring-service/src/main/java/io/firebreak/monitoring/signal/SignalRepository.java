package io.firebreak.monitoring.signal;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<Signal, UUID> {

    /** Newest first; a null filter matches every signal. */
    public Uni<List<Signal>> newestFirst(UUID watchId, SignalStatus status, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (watchId != null) {
            where.add("watchId = :watchId");
            parameters.and("watchId", watchId);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        Sort newestFirst = Sort.descending("raisedAt").and("id");
        var query = where.isEmpty() ? findAll(newestFirst)
                : find(String.join(" and ", where), newestFirst, parameters);
        return query.page(Page.of(page, size)).list();
    }

    /** A watch's signals whose window overlaps [from, to), oldest first. */
    public Uni<List<Signal>> overlapping(UUID watchId, Instant from, Instant to) {
        return list("watchId = ?1 and windowStart < ?3 and windowEnd > ?2", Sort.ascending("windowStart"),
                watchId, from, to);
    }
}
