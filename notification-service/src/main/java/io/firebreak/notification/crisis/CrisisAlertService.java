package io.firebreak.notification.crisis;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.CrisisChanged;
import io.firebreak.notification.chat.ChatService;
import io.firebreak.notification.delivery.DeliveryService;
import io.firebreak.notification.escalation.EscalationService;
import io.firebreak.notification.notification.NotificationView;
import io.firebreak.notification.notification.NotificationService;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CrisisAlertService {

    private static final String CONSUMER = "crisis-alerts";

    private final CrisisAlertRepository alerts;
    private final NotificationService notifications;
    private final EscalationService escalations;
    private final DeliveryService deliveries;
    private final ChatService chat;
    private final ProcessedEvents processedEvents;

    public CrisisAlertService(CrisisAlertRepository alerts, NotificationService notifications,
                              EscalationService escalations, DeliveryService deliveries, ChatService chat,
                              ProcessedEvents processedEvents) {
        this.chat = chat;
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.notifications = notifications;
        this.escalations = escalations;
        this.processedEvents = processedEvents;
    }

    /**
     * Records the crisis' state, queues a notification for each of its role holders, starts the escalation
     * policy of its severity and queues a post to each team chat, exactly once.
     */
    @WithTransaction
    public Uni<Void> record(CloudEvent<CrisisChanged> event) {
        CrisisChanged crisis = event.data();
        return processedEvents.firstDelivery(CONSUMER, event.id())
                .chain(first -> !first ? Uni.createFrom().voidItem() : alerts.findById(crisis.crisisId())
                        .chain(known -> known == null
                                ? alerts.persist(CrisisAlert.of(crisis)).replaceWith(true)
                                : Uni.createFrom().item(known.apply(crisis)))
                        .chain(current -> current ? escalations.planFor(crisis.severity())
                                .chain(plan -> notifications.queueForRoleHolders(crisis, plan.isEmpty())
                                        .chain(() -> escalations.start(crisis, plan))
                                        .chain(() -> chat.queueFor(crisis)))
                                : Uni.createFrom().voidItem())
                        .invoke(() -> Log.infof("Crisis %s is %s with %d role holders (event %s)", crisis.crisisId(),
                                crisis.status(), crisis.assignments().size(), event.id())));
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
