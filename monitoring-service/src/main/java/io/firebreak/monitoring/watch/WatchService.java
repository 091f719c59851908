package io.firebreak.monitoring.watch;

import io.firebreak.monitoring.bucket.BucketCloser;
import io.firebreak.monitoring.bucket.BucketRepository;
import io.firebreak.monitoring.watch.WatchDtos.WatchRequest;
import io.firebreak.monitoring.watch.WatchDtos.WatchView;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WatchService {

    private final WatchRepository watches;
    private final Clock clock;
    private final BucketRepository buckets;
    private final BucketCloser closer;

    public WatchService(WatchRepository watches, Clock clock, BucketRepository buckets, BucketCloser closer) {
        this.watches = watches;
        this.clock = clock;
        this.buckets = buckets;
        this.closer = closer;
    }

    @WithTransaction
    public Uni<WatchView> create(WatchRequest request, String analyst) {
        validQuery(request.query());
        Watch watch = Watch.create(request.name().strip(), request.query().strip(), distinct(request.languages()),
                distinct(request.sources()), analyst, now());
        // Detection starts with the watch: its first bucket is the one it was created in.
        return watches.persist(watch)
                .chain(() -> buckets.ensureDetection(watch.getId(), closer.grid().floor(watch.getCreatedAt())))
                .invoke(() -> Log.infof("Watch %s '%s' created by %s", watch.getId(), watch.getName(), analyst))
                .map(done -> WatchView.of(watch));
    }

    @WithTransaction
    public Uni<WatchView> update(UUID id, WatchRequest request, String analyst) {
        validQuery(request.query());
        return find(id).invoke(watch -> {
            watch.change(request.name().strip(), request.query().strip(), distinct(request.languages()),
                    distinct(request.sources()), now());
            Log.infof("Watch %s updated by %s", id, analyst);
        }).map(WatchView::of);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String analyst) {
        return find(id).chain(watches::delete)
                .invoke(() -> Log.infof("Watch %s deleted by %s", id, analyst));
    }

    @WithSession
    public Uni<WatchView> get(UUID id) {
        return find(id).map(WatchView::of);
    }

    @WithSession
    public Uni<List<WatchView>> list(int page, int size) {
        return watches.byName(page, size).map(list -> list.stream().map(WatchView::of).toList());
    }

    /** Every watch, parsed, to match incoming mentions against. */
    @WithSession
    public Uni<List<WatchMatcher>> matchers() {
        return watches.listAll().map(list -> list.stream().map(WatchMatcher::of).toList());
    }

    private Uni<Watch> find(UUID id) {
        return watches.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("watch", id));
    }

    /** Parses the query so that a broken one is refused with the position of its problem. */
    private static void validQuery(String query) {
        try {
            WatchQuery.parse(query);
        } catch (QuerySyntaxException e) {
            throw ProblemException.invalid("invalid-query", "The query is invalid: " + e.getMessage(),
                    List.of(new Problem.FieldError("query", e.getMessage())));
        }
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
