package io.firebreak.playbook.crisis;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalChanged;
import io.firebreak.events.Topics;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.crisis.CrisisDtos.CrisisView;
import io.firebreak.playbook.crisis.CrisisDtos.ProposeCrisisRequest;
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
public class CrisisService {

    /** Who proposes crises from signals, in transitions and events. */
    static final String SIGNAL_ACTOR = "monitoring-signal";
    private static final String SIGNAL_CONSUMER = "crisis-proposer";

    private final CrisisRepository crises;
    private final CrisisTransitionRepository transitions;
    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final Clock clock;

    public CrisisService(CrisisRepository crises, CrisisTransitionRepository transitions,
                         ProcessedEvents processedEvents, Outbox outbox, Clock clock) {
        this.crises = crises;
        this.transitions = transitions;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A new signal proposes a crisis: one crisis per signal, whatever how often the event is delivered.
     * Updates and closings of a signal do not propose anything.
     */
    @WithTransaction
    public Uni<Void> proposeFromSignal(CloudEvent<SignalChanged> event) {
        if (!EventTypes.SIGNAL_RAISED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return processedEvents.firstDelivery(SIGNAL_CONSUMER, event.id())
                .chain(first -> first ? proposeOnce(event.data()) : Uni.createFrom().voidItem());
    }

    private Uni<Void> proposeOnce(SignalChanged signal) {
        return crises.findBySignal(signal.signalId()).chain(existing -> {
            if (existing != null) {
                Log.debugf("Signal %s already proposed crisis %s", signal.signalId(), existing.getId());
                return Uni.createFrom().voidItem();
            }
            String watch = signal.watchName() != null ? signal.watchName() : "watch " + signal.watchId();
            Crisis crisis = Crisis.proposed("Surge on " + watch + ": " + signal.summary(), signal.severity(),
                    false, signal.signalId(), signal.watchId(), now());
            return record(crisis, null, SIGNAL_ACTOR, "signal " + signal.signalId() + " raised")
                    .invoke(() -> Log.infof("Crisis %s proposed from signal %s", crisis.getId(), signal.signalId()))
                    .replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<CrisisView> propose(ProposeCrisisRequest request, String crisisManager) {
        Crisis crisis = Crisis.proposed(request.title().strip(), request.severity(), request.drill(), null, null,
                now());
        String reason = request.reason() != null ? request.reason() : "proposed by hand";
        return record(crisis, null, crisisManager, reason)
                .chain(() -> view(crisis));
    }

    @WithSession
    public Uni<CrisisView> get(UUID id) {
        return crises.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", id))
                .chain(this::view);
    }

    @WithSession
    public Uni<List<CrisisView>> list(CrisisStatus status, int page, int size) {
        return crises.newestFirst(status, page, size)
                .map(list -> list.stream().map(crisis -> CrisisView.of(crisis, List.of())).toList());
    }

    /** Persists the crisis, its transition and the event announcing it, in the caller's transaction. */
    private Uni<Crisis> record(Crisis crisis, CrisisStatus from, String actor, String reason) {
        CrisisTransition transition = CrisisTransition.of(crisis, from, actor, reason, crisis.getUpdatedAt());
        CrisisChanged changed = new CrisisChanged(crisis.getId(), crisis.getPlaybookId(),
                crisis.getPlaybookVersion(), crisis.getTitle(), crisis.getStatus(), crisis.getSeverity(),
                crisis.isDrill(), crisis.getSignalId(), actor, reason, crisis.getUpdatedAt(), List.of());
        return crises.persist(crisis)
                .chain(() -> transitions.persist(transition))
                .chain(() -> outbox.publish(Topics.CRISES, EventTypes.crisis(crisis.getStatus()),
                        crisis.getId().toString(), changed))
                .replaceWith(crisis);
    }

    private Uni<CrisisView> view(Crisis crisis) {
        return transitions.ofCrisis(crisis.getId()).map(list -> CrisisView.of(crisis, list));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
