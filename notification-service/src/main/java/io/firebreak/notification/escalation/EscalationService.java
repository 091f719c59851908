package io.firebreak.notification.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.Assignment;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.CrisisStatus;
import io.firebreak.events.Severity;
import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.contact.ContactPoint;
import io.firebreak.notification.contact.ContactPointRepository;
import io.firebreak.notification.crisis.CrisisAlert;
import io.firebreak.notification.crisis.CrisisAlertRepository;
import io.firebreak.notification.delivery.DeliveryJobs;
import io.firebreak.notification.escalation.EscalationDtos.EscalationView;
import io.firebreak.notification.escalation.EscalationDtos.PolicyRequest;
import io.firebreak.notification.escalation.EscalationDtos.PolicyView;
import io.firebreak.notification.escalation.EscalationDtos.StepDto;
import io.firebreak.notification.escalation.EscalationPlan.Target;
import io.firebreak.notification.notification.Notification;
import io.firebreak.notification.notification.NotificationRepository;
import io.firebreak.notification.notification.NotificationService;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Escalation policies per crisis severity, and the escalations they drive: until someone holding a crisis
 * role acknowledges, its backups and then the crisis managers are paged, step after step.
 */
@ApplicationScoped
public class EscalationService {

    /** Claim batches one pass may take before it yields to the next tick. */
    private static final int MAX_BATCHES_PER_PASS = 20;

    private static final TypeReference<List<StepDto>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<Assignment>> HOLDERS = new TypeReference<>() {
    };

    private final EscalationPolicyRepository policies;
    private final EscalationRepository escalations;
    private final NotificationRepository notificationRecords;
    private final NotificationService notifications;
    private final CrisisAlertRepository alerts;
    private final ContactPointRepository contacts;
    private final NotificationConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Clock clock;
    private final DeliveryJobs deliveryJobs;

    public EscalationService(EscalationPolicyRepository policies, EscalationRepository escalations,
                             NotificationRepository notificationRecords, NotificationService notifications,
                             CrisisAlertRepository alerts, ContactPointRepository contacts, NotificationConfig config,
                             ObjectMapper json, Vertx vertx, Clock clock, DeliveryJobs deliveryJobs) {
        this.deliveryJobs = deliveryJobs;
        this.policies = policies;
        this.escalations = escalations;
        this.notificationRecords = notificationRecords;
        this.notifications = notifications;
        this.alerts = alerts;
        this.contacts = contacts;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PolicyView> define(Severity severity, PolicyRequest request, String by) {
        List<StepDto> steps = request.steps();
        EscalationPlan plan = new EscalationPlan(steps.stream()
                .map(step -> new EscalationPlan.Step(step.target(), step.waitMinutes(), step.channels())).toList(),
                request.rounds());
        List<String> problems = plan.problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid("invalid-escalation-policy",
                    String.join("; ", problems), problems.stream().map(problem -> {
                        String[] parts = problem.split(": ", 2);
                        return new Problem.FieldError(parts[0], parts[1]);
                    }).toList()));
        }
        String stepsJson = write(steps);
        return policies.findById(severity).chain(known -> {
            EscalationPolicy policy = known != null ? known : EscalationPolicy.of(severity);
            policy.update(stepsJson, request.rounds(), by, now());
            Log.infof("Escalation policy for %s crises set by %s: %d steps, %d rounds", severity, by,
                    steps.size(), request.rounds());
            return known != null ? Uni.createFrom().item(policy) : policies.persist(policy);
        }).map(this::view);
    }

    @WithSession
    public Uni<List<PolicyView>> policies() {
        return policies.listAll().map(list -> list.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<PolicyView> policy(Severity severity) {
        return policies.findById(severity)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("escalation policy", severity))
                .map(this::view);
    }

    @WithTransaction
    public Uni<Void> remove(Severity severity) {
        return policies.findById(severity)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("escalation policy", severity))
                .chain(policies::delete);
    }

    @WithSession
    public Uni<List<EscalationView>> ofCrisis(UUID crisisId) {
        return escalations.ofCrisis(crisisId).map(list -> list.stream().map(EscalationView::of).toList());
    }

    /** In the caller's transaction: the plan for crises of this severity, if an administrator set one. */
    public Uni<Optional<EscalationPlan>> planFor(Severity severity) {
        return policies.findById(severity).map(policy -> Optional.ofNullable(policy).map(this::plan));
    }

    /**
     * In the caller's transaction: one escalation per role of an active crisis, started once. Each keeps the
     * people its steps may page: the role's holders and backups, and the crisis managers.
     */
    public Uni<Void> start(CrisisChanged crisis, Optional<EscalationPlan> plan) {
        if (crisis.status() != CrisisStatus.ACTIVE || plan.isEmpty() || plan.get().start().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EscalationPlan.Scheduled first = plan.get().start().get();
        String managerRole = config.escalation().managerRole();
        Map<String, List<Assignment>> byRole = new LinkedHashMap<>();
        crisis.assignments().forEach(holder -> byRole.computeIfAbsent(holder.role(), role -> new ArrayList<>())
                .add(holder));
        List<Assignment> managers = byRole.getOrDefault(managerRole, List.of());
        return escalations.ofCrisis(crisis.crisisId()).chain(known -> {
            Set<String> started = new HashSet<>();
            known.forEach(escalation -> started.add(escalation.getRole()));
            Instant now = now();
            List<Escalation> fresh = new ArrayList<>();
            byRole.forEach((role, holders) -> {
                if (started.add(role)) {
                    List<Assignment> pageable = new ArrayList<>(holders);
                    if (!role.equals(managerRole)) {
                        pageable.addAll(managers);
                    }
                    fresh.add(Escalation.started(crisis.crisisId(), role, crisis.severity(), write(pageable), first,
                            now));
                }
            });
            return fresh.isEmpty() ? Uni.createFrom().voidItem() : escalations.persist(fresh);
        });
    }

    /** A step of a running escalation that will page nobody. */
    public record EmptyStep(UUID crisisId, String role, int step, Target target) {
    }

    /** Running escalations' steps whose target nobody holds: found before the crisis needs them. */
    @WithSession
    public Uni<List<EmptyStep>> emptySteps() {
        return escalations.list("state", Escalation.State.RUNNING).chain(running -> policies.listAll().map(all -> {
            List<EmptyStep> empty = new ArrayList<>();
            for (Escalation escalation : running) {
                all.stream().filter(policy -> policy.getSeverity() == escalation.getSeverity()).findFirst()
                        .ifPresent(policy -> {
                            EscalationPlan plan = plan(policy);
                            List<Assignment> holders = read(escalation.getHolders());
                            String role = escalation.getRole();
                            boolean primaries = holders.stream().anyMatch(h -> h.role().equals(role) && !h.backup());
                            boolean backups = holders.stream().anyMatch(h -> h.role().equals(role) && h.backup());
                            boolean managers = holders.stream()
                                    .anyMatch(h -> h.role().equals(config.escalation().managerRole()));
                            for (int step : plan.emptySteps(primaries, backups, managers)) {
                                empty.add(new EmptyStep(escalation.getCrisisId(), role, step,
                                        plan.steps().get(step).target()));
                            }
                        });
            }
            return empty;
        }));
    }

    /**
     * One scheduler pass on this replica: claims the steps due before the next tick (with a lease), batch after
     * batch while they come full, and fires each at its deadline, not before, on timers outside the pass; the
     * number claimed. The scheduler ticks once a second, and a step waiting for the tick after its deadline would
     * be up to a second late.
     */
    public Uni<Integer> fireDue() {
        return claimBatches(0, 0);
    }

    private Uni<Integer> claimBatches(int batches, int claimed) {
        Instant now = now();
        int limit = config.escalation().batchSize();
        return escalations.claimDue(now, now.plus(config.escalation().lookahead()),
                        now.plus(config.escalation().lease()), limit)
                .invoke(this::fireOnTime)
                .chain(claims -> claims.size() == limit && batches + 1 < MAX_BATCHES_PER_PASS
                        ? claimBatches(batches + 1, claimed + claims.size())
                        : Uni.createFrom().item(claimed + claims.size()));
    }

    /**
     * Fires the claimed steps in slots: the steps due within one slot together, in one transaction, at the
     * deadline of the last of them (never before any), at most {@code parallelism} slots at once, each on its own
     * Vert.x context (a Hibernate Reactive session serves one at a time). A slot that fails keeps its leases,
     * which run out: another pass claims its steps again.
     */
    private void fireOnTime(List<EscalationRepository.Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        Multi.createFrom().iterable(Slots.of(claims, EscalationRepository.Claim::dueAt, config.escalation().slot()))
                .onItem().transformToUni(slot -> Uni.createFrom().deferred(() -> {
                            // Whole milliseconds, rounded up: a timer cannot wait less than one, nor fire early.
                            long nanos = Duration.between(clock.instant(), slot.firesAt()).toNanos();
                            return nanos <= 0 ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem()
                                    .delayIt().by(Duration.ofMillis((nanos + 999_999) / 1_000_000));
                        })
                        .chain(() -> onOwnContext(() -> Panache.withTransaction(() -> fire(slot.items()))))
                        // The pages are committed: out now rather than at the delivery pass' next tick.
                        .invoke(deliveryJobs::soon)
                        .onFailure().invoke(failure -> Log.errorf(failure,
                                "%d escalation steps could not fire; their leases will run out", slot.items().size()))
                        .onFailure().recoverWithNull())
                .merge(config.escalation().parallelism())
                .subscribe().with(ignored -> { }, failure -> Log.errorf(failure, "Escalation firing stopped"));
    }

    private <T> Uni<T> onOwnContext(Supplier<Uni<? extends T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                Uni.createFrom().<T>deferred(work).subscribe().with(emitter::complete, emitter::fail)));
    }

    /**
     * Fires the claimed steps under a lock on their rows, each once: not one that another replica fired since
     * (its lease had run out) or whose escalation ended; one whose deadline has not come on this clock is let go.
     * What they need (crises, acknowledgements, policies, contact points) is read for all of them at once, and
     * the people they page are paged together.
     */
    private Uni<Void> fire(List<EscalationRepository.Claim> claims) {
        Map<UUID, Instant> claimedFor = new HashMap<>();
        claims.forEach(claim -> claimedFor.put(claim.id(), claim.dueAt()));
        return escalations.lockByIds(List.copyOf(claimedFor.keySet())).chain(locked -> {
            Instant now = now();
            List<Escalation> due = new ArrayList<>();
            for (Escalation escalation : locked) {
                if (escalation.getState() != Escalation.State.RUNNING
                        || !escalation.getDueAt().equals(claimedFor.get(escalation.getId()))) {
                    Log.debugf("Escalation %s: the step due at %s was fired already", escalation.getId(),
                            claimedFor.get(escalation.getId()));
                } else if (now.isBefore(escalation.getDueAt())) {
                    escalation.release();
                } else {
                    due.add(escalation);
                }
            }
            if (due.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<UUID> crisisIds = due.stream().map(Escalation::getCrisisId).distinct().toList();
            List<String> roles = due.stream().map(Escalation::getRole).distinct().toList();
            return alerts.byIds(crisisIds).chain(alertList -> notificationRecords.acknowledged(crisisIds, roles)
                    .chain(acknowledgedList -> policies.listAll().chain(policyList -> {
                        Map<UUID, CrisisAlert> alertOf = new HashMap<>();
                        alertList.forEach(alert -> alertOf.put(alert.getCrisisId(), alert));
                        Set<String> acknowledged = new HashSet<>();
                        acknowledgedList.forEach(notification -> acknowledged.add(notification.getCrisisId() + "\n"
                                + notification.getRole()));
                        Map<Severity, EscalationPlan> planOf = new EnumMap<>(Severity.class);
                        policyList.forEach(policy -> planOf.put(policy.getSeverity(), plan(policy)));
                        List<Step> steps = new ArrayList<>();
                        for (Escalation escalation : due) {
                            CrisisAlert alert = alertOf.get(escalation.getCrisisId());
                            if (alert == null || alert.getStatus() != CrisisStatus.ACTIVE) {
                                escalation.end(Escalation.State.DONE);
                                Log.infof("Escalation %s ends: crisis %s is %s", escalation.getId(),
                                        escalation.getCrisisId(), alert == null ? "unknown" : alert.getStatus());
                            } else if (acknowledged.contains(escalation.getCrisisId() + "\n" + escalation.getRole())) {
                                stop(escalation);
                            } else if (!planOf.containsKey(escalation.getSeverity())) {
                                escalation.end(Escalation.State.DONE);
                            } else {
                                steps.add(step(escalation, planOf.get(escalation.getSeverity()), now));
                            }
                        }
                        return page(steps, now);
                    })));
        });
    }

    private void stop(Escalation escalation) {
        escalation.end(Escalation.State.STOPPED);
        Log.infof("Escalation %s for %s on crisis %s stops: acknowledged", escalation.getId(),
                escalation.getRole(), escalation.getCrisisId());
    }

    /** A step about to fire: who it pages on which channels, and where the escalation goes after it. */
    private record Step(Escalation escalation, List<Assignment> targets, Set<Notification.Channel> channels,
                        Optional<EscalationPlan.Scheduled> next) {
    }

    private Step step(Escalation escalation, EscalationPlan plan, Instant now) {
        EscalationPlan.Position position = escalation.position();
        Target target = plan.step(position).target();
        Set<Notification.Channel> channels = EnumSet.noneOf(Notification.Channel.class);
        plan.step(position).pagesOn().forEach(channel -> channels.add(Notification.Channel.valueOf(channel.name())));
        List<Assignment> targets = read(escalation.getHolders()).stream()
                .filter(holder -> switch (target) {
                    case PRIMARY -> holder.role().equals(escalation.getRole()) && !holder.backup();
                    case BACKUP -> holder.role().equals(escalation.getRole()) && holder.backup();
                    case CRISIS_MANAGER -> holder.role().equals(config.escalation().managerRole());
                })
                .toList();
        if (targets.isEmpty()) {
            Log.warnf("Escalation %s step %d: nobody holds %s for %s", escalation.getId(), position.step(), target,
                    escalation.getRole());
        }
        return new Step(escalation, targets, channels, plan.following(position));
    }

    /** Pages the steps' targets who are not in their quiet hours, then moves each escalation on. */
    private Uni<Void> page(List<Step> steps, Instant now) {
        if (steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> subjects = steps.stream().flatMap(step -> step.targets().stream()).map(Assignment::subject)
                .distinct().toList();
        return contacts.ofSubjects(subjects).chain(contactList -> {
            Map<String, ContactPoint> contactOf = new HashMap<>();
            contactList.forEach(contact -> contactOf.put(contact.getSubject(), contact));
            List<NotificationService.Paging> pagings = new ArrayList<>();
            for (Step step : steps) {
                Escalation escalation = step.escalation();
                for (Assignment holder : step.targets()) {
                    if (!EscalationPlan.mayPage(escalation.getSeverity(),
                            Optional.ofNullable(contactOf.get(holder.subject())).flatMap(ContactPoint::quietHours),
                            now)) {
                        Log.infof("Escalation %s: %s is in quiet hours, not paged", escalation.getId(),
                                holder.username());
                    } else {
                        pagings.add(new NotificationService.Paging(escalation.getCrisisId(), holder,
                                escalation.getRole(), step.channels()));
                    }
                }
            }
            return notifications.pageAll(pagings);
        }).invoke(() -> steps.forEach(step -> step.next().ifPresentOrElse(
                next -> step.escalation().moveTo(next, now),
                () -> step.escalation().end(Escalation.State.DONE))));
    }

    private EscalationPlan plan(EscalationPolicy policy) {
        List<StepDto> steps = readSteps(policy.getSteps());
        return new EscalationPlan(steps.stream()
                .map(step -> new EscalationPlan.Step(step.target(), step.waitMinutes(), step.channels())).toList(),
                policy.getRounds());
    }

    private PolicyView view(EscalationPolicy policy) {
        return new PolicyView(policy.getSeverity(), readSteps(policy.getSteps()), policy.getRounds(),
                policy.getUpdatedBy(), policy.getUpdatedAt());
    }

    private List<StepDto> readSteps(String value) {
        try {
            return json.readValue(value, STEPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored escalation steps are not readable", e);
        }
    }

    private List<Assignment> read(String value) {
        try {
            return json.readValue(value, HOLDERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored crisis holders are not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
