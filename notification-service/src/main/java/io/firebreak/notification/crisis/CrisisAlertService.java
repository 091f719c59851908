package io.firebreak.notification.crisis;

import io.firebreak.events.Assignment;
import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.notification.chat.ChatService;
import io.firebreak.notification.delivery.DeliveryJobs;
import io.firebreak.notification.delivery.DeliveryService;
import io.firebreak.notification.escalation.EscalationPlan;
import io.firebreak.notification.escalation.EscalationService;
import io.firebreak.notification.notification.NotificationView;
import io.firebreak.notification.notification.NotificationService;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CrisisAlertService {

    private static final String CONSUMER = "crisis-alerts";
    /** Role holders queued per transaction: the first of a crisis' thousands are reached within a second. */
    private static final int HOLDERS_PER_TRANSACTION = 1_000;

    private final CrisisAlertRepository alerts;
    private final NotificationService notifications;
    private final EscalationService escalations;
    private final DeliveryService deliveries;
    private final ChatService chat;
    private final ProcessedEvents processedEvents;
    private final DeliveryJobs deliveryJobs;

    public CrisisAlertService(CrisisAlertRepository alerts, NotificationService notifications,
                              EscalationService escalations, DeliveryService deliveries, ChatService chat,
                              ProcessedEvents processedEvents, DeliveryJobs deliveryJobs) {
        this.deliveryJobs = deliveryJobs;
        this.chat = chat;
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.notifications = notifications;
        this.escalations = escalations;
        this.processedEvents = processedEvents;
    }

    /**
     * Records the crisis' state, queues a notification for each of its role holders, starts the escalation
     * policy of its severity and queues a post to each team chat, exactly once. A crisis may have thousands of
     * holders: they are queued a chunk at a time, each chunk committed and handed to the delivery pass at once, so
     * that the first are reached while the last are still being queued. Every step is idempotent (a holder
     * notified of this state is skipped, an escalation started is not started again) and the event is recorded as
     * applied in the last one: a redelivery after a failure half-way finishes the work, and changes nothing after
     * it was done.
     */
    public Uni<Void> record(CloudEvent<CrisisChanged> event) {
        CrisisChanged crisis = event.data();
        return Panache.withTransaction(() -> begin(event))
                .chain(plan -> plan == null ? Uni.createFrom().voidItem() : queueInChunks(crisis, holders(crisis, plan))
                        .chain(() -> Panache.withTransaction(() -> chat.queueFor(crisis)
                                .chain(() -> processedEvents.firstDelivery(CONSUMER, event.id()))))
                        .invoke(() -> Log.infof("Crisis %s is %s with %d role holders (event %s)", crisis.crisisId(),
                                crisis.status(), crisis.assignments().size(), event.id()))
                        .replaceWithVoid());
    }

    /**
     * The crisis' state recorded and its escalations started: the escalation plan of its severity (empty when
     * there is none), or null when there is nothing to do (the event was applied, or is older than what is known).
     */
    private Uni<Optional<EscalationPlan>> begin(CloudEvent<CrisisChanged> event) {
        CrisisChanged crisis = event.data();
        return processedEvents.applied(CONSUMER, event.id())
                .chain(applied -> applied ? Uni.createFrom().nullItem() : alerts.findById(crisis.crisisId())
                        .chain(known -> known == null
                                ? alerts.persist(CrisisAlert.of(crisis)).replaceWith(true)
                                : Uni.createFrom().item(known.apply(crisis)))
                        .chain(current -> !current ? Uni.createFrom().nullItem()
                                : escalations.planFor(crisis.severity()).call(plan -> escalations.start(crisis, plan))));
    }

    /** Who is notified now: every holder, but backups only when no escalation policy pages them later. */
    private static List<Assignment> holders(CrisisChanged crisis, Optional<EscalationPlan> plan) {
        return crisis.assignments().stream().filter(holder -> plan.isEmpty() || !holder.backup()).toList();
    }

    private Uni<Void> queueInChunks(CrisisChanged crisis, List<Assignment> holders) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < holders.size(); from += HOLDERS_PER_TRANSACTION) {
            List<Assignment> chunk = holders.subList(from, Math.min(from + HOLDERS_PER_TRANSACTION, holders.size()));
            chain = chain.chain(() -> Panache.withTransaction(() -> notifications.queueFor(crisis, chunk))
                    .invoke(deliveryJobs::soon));
        }
        return chain;
    }

    @WithSession
    public Uni<CrisisAlertView> get(UUID crisisId) {
        return alerts.findById(crisisId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("crisis", crisisId))
                .chain(alert -> notifications.ofCrisis(crisisId).chain(list -> deliveries
                        .of(list.stream().map(NotificationView::id).toList())
                        .map(sent -> CrisisAlertView.of(alert, list, sent))));
    }
}
