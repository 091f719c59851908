package io.firebreak.publishing.crisis;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CrisisContextService {

    private static final String CONSUMER = "crisis-context";

    private final CrisisContextRepository contexts;
    private final ProcessedEvents processedEvents;
    private final Clock clock;

    public CrisisContextService(CrisisContextRepository contexts, ProcessedEvents processedEvents, Clock clock) {
        this.contexts = contexts;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    /** Records the crisis' new state; a redelivered or out-of-date event changes nothing. */
    @WithTransaction
    public Uni<Void> record(CloudEvent<CrisisChanged> event) {
        CrisisChanged crisis = event.data();
        return processedEvents.firstDelivery(CONSUMER, event.id())
                .chain(first -> !first ? Uni.createFrom().voidItem() : contexts.findById(crisis.crisisId())
                        .chain(known -> known == null
                                ? contexts.persist(CrisisContext.from(crisis, clock.instant())).replaceWithVoid()
                                : Uni.createFrom().item(known.apply(crisis, clock.instant())).replaceWithVoid())
                        .invoke(() -> Log.infof("Crisis %s is %s (event %s)", crisis.crisisId(), crisis.status(),
                                event.id())));
    }

    @WithSession
    public Uni<CrisisContextView> get(UUID crisisId) {
        return contexts.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .map(CrisisContextView::of);
    }

    @WithSession
    public Uni<List<CrisisContextView>> list() {
        return contexts.newestFirst().map(list -> list.stream().map(CrisisContextView::of).toList());
    }
}
