package io.firebreak.playbook.crisis;

import io.firebreak.events.Assignment;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.EventTypes;
import io.firebreak.events.SignalChanged;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.playbook.assignment.AssignmentService;
import io.firebreak.playbook.crisis.CrisisDtos.CrisisView;
import io.firebreak.playbook.crisis.CrisisDtos.ProposeCrisisRequest;
import io.firebreak.playbook.playbook.PlaybookDtos.PlaybookRef;
import io.firebreak.playbook.playbook.PlaybookDefinition;
import io.firebreak.playbook.playbook.PlaybookService;
import io.firebreak.playbook.statement.StatementRepository;
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
    private final CrisisEvents events;
    private final PlaybookService playbooks;
    private final AssignmentService assignments;
    private final StatementRepository statements;
    private final Clock clock;

    public CrisisService(CrisisRepository crises, CrisisTransitionRepository transitions,
                         ProcessedEvents processedEvents, CrisisEvents events, PlaybookService playbooks,
                         AssignmentService assignments, StatementRepository statements, Clock clock) {
        this.crises = crises;
        this.playbooks = playbooks;
        this.transitions = transitions;
        this.processedEvents = processedEvents;
        this.events = events;
        this.assignments = assignments;
        this.statements = statements;
        this.clock = clock;
    }

    /**
     * A new signal proposes a crisis: one crisis per signal, whatever how often the event is delivered.
     * When a playbook's trigger matches (its watch, at its minimum severity or worse), the crisis follows that
     * playbook in its current version; otherwise it is proposed without one, for a human to judge: a surge
     * nobody planned for is still worth a look. Updates and closings of a signal do not propose anything.
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
            return playbooks.matching(signal.watchId(), signal.severity()).chain(playbook -> {
                Crisis crisis = Crisis.proposed("Surge on " + watch + ": " + signal.summary(), signal.severity(),
                        false, signal.signalId(), signal.watchId(), signal.changedAt(), playbook, now());
                return record(crisis, null, SIGNAL_ACTOR, "signal " + signal.signalId() + " raised")
                        .invoke(() -> Log.infof("Crisis %s proposed from signal %s with playbook %s",
                                crisis.getId(), signal.signalId(), playbook))
                        .replaceWithVoid();
            });
        });
    }

    @WithTransaction
    public Uni<CrisisView> propose(ProposeCrisisRequest request, String crisisManager) {
        Uni<PlaybookRef> playbook = request.playbookId() == null ? Uni.createFrom().nullItem()
                : playbooks.currentRef(request.playbookId());
        String reason = request.reason() != null ? request.reason() : "proposed by hand";
        return playbook.chain(ref -> {
            Crisis crisis = Crisis.proposed(request.title().strip(), request.severity(), request.drill(), null,
                    request.watchId(), null, ref, now());
            return record(crisis, null, crisisManager, reason);
        }).chain(this::view);
    }

    /** Moves a crisis on (activate, contain, resolve, dismiss, review), recording who, when and why. */
    @WithTransaction
    public Uni<CrisisView> transition(UUID id, CrisisStatus to, String reason, String crisisManager) {
        return crises.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", id))
                .chain(crisis -> {
                    CrisisStatus from = crisis.getStatus();
                    if (!CrisisLifecycle.allows(from, to)) {
                        return Uni.createFrom().failure(ProblemException.conflict("invalid-transition",
                                "crisis " + id + " is " + from + " and cannot become " + to
                                        + "; from " + from + " it can become " + CrisisLifecycle.next(from)));
                    }
                    if (to == CrisisStatus.DISMISSED && (reason == null || reason.isBlank())) {
                        return Uni.createFrom().failure(ProblemException.invalid("validation",
                                "reason must say why the crisis is dismissed",
                                List.of(new Problem.FieldError("reason", "must not be blank"))));
                    }
                    return (to == CrisisStatus.RESOLVED ? requireApologyOrDecision(crisis) : Uni.createFrom().voidItem())
                            .chain(() -> {
                                crisis.enter(to, now());
                                return record(crisis, from, crisisManager, reason);
                            })
                            .invoke(() -> Log.infof("Crisis %s went from %s to %s by %s", id, from, to,
                                    crisisManager));
                })
                .chain(this::view);
    }

    /** A crisis manager decides, with a reason, that this crisis closes without a public apology. */
    @WithTransaction
    public Uni<CrisisView> decideNotToApologise(UUID id, String reason, String crisisManager) {
        return crises.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", id))
                .chain(crisis -> {
                    if (!crisis.getStatus().isLive()) {
                        return Uni.createFrom().failure(ProblemException.conflict("crisis-not-live",
                                "crisis " + id + " is " + crisis.getStatus()
                                        + ": the apology decision is taken while it is ACTIVE or CONTAINED"));
                    }
                    crisis.decideNotToApologise(reason.strip(), crisisManager, now());
                    Log.infof("Crisis %s: %s decided not to apologise", id, crisisManager);
                    return view(crisis);
                });
    }

    /** Closing needs an apology statement approved for publication, or a recorded decision not to apologise. */
    private Uni<Void> requireApologyOrDecision(Crisis crisis) {
        if (crisis.getNoApologyReason() != null) {
            return Uni.createFrom().voidItem();
        }
        return statements.hasApproved(crisis.getId(), PlaybookDefinition.Phase.APOLOGY).chain(apologised ->
                apologised ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ProblemException.conflict("apology-required",
                        "crisis " + crisis.getId() + " cannot be resolved without an approved APOLOGY statement or a "
                                + "recorded decision not to apologise (POST /api/crises/" + crisis.getId()
                                + "/no-apology)")));
    }

    @WithSession
    public Uni<CrisisView> get(UUID id) {
        return crises.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", id))
                .chain(this::view);
    }

    @WithSession
    public Uni<List<CrisisView>> list(CrisisStatus status, Boolean drill, int page, int size) {
        return crises.newestFirst(status, drill, page, size)
                .map(list -> list.stream().map(crisis -> CrisisView.of(crisis, List.of(), List.of())).toList());
    }

    /**
     * Persists the crisis, its transition and the event announcing it, with the role holders, in the caller's
     * transaction. Activation first brings in the playbook's standing holders.
     */
    private Uni<Crisis> record(Crisis crisis, CrisisStatus from, String actor, String reason) {
        CrisisTransition transition = CrisisTransition.of(crisis, from, actor, reason, crisis.getUpdatedAt());
        return crises.persist(crisis)
                .chain(() -> transitions.persist(transition))
                .chain(() -> from == null ? Uni.createFrom().item(List.<Assignment>of())
                        : crisis.getStatus() == CrisisStatus.ACTIVE ? assignments.applyStandingHolders(crisis, actor)
                        : assignments.holders(crisis.getId()))
                .chain(holders -> events.entered(crisis, crisis.getStatus(), actor, reason, holders))
                .replaceWith(crisis);
    }

    private Uni<CrisisView> view(Crisis crisis) {
        return transitions.ofCrisis(crisis.getId())
                .chain(list -> assignments.overdue(crisis).map(overdue -> CrisisView.of(crisis, list, overdue)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
