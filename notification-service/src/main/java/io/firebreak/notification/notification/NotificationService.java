package io.firebreak.notification.notification;

import io.firebreak.events.Assignment;
import io.firebreak.events.CrisisChanged;
import io.firebreak.events.DeliveryChanged;
import io.firebreak.events.EventTypes;
import io.firebreak.events.Topics;
import io.firebreak.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final Outbox outbox;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, Outbox outbox, Clock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Queues one notification per role holder for this crisis state, in the caller's transaction, and
     * announces each on {@code notification.deliveries.v1}. A holder already notified of this state is skipped.
     */
    public Uni<Void> queueForRoleHolders(CrisisChanged crisis) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Assignment assignment : crisis.assignments()) {
            chain = chain.chain(() -> queueOnce(crisis, assignment));
        }
        return chain;
    }

    private Uni<Void> queueOnce(CrisisChanged crisis, Assignment assignment) {
        return notifications.exists(crisis.crisisId(), crisis.status(), assignment.subject(), assignment.role())
                .chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().voidItem();
                    }
                    Notification notification = Notification.queued(crisis.crisisId(), crisis.status(), assignment,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
                    var delivery = new DeliveryChanged(notification.getId(), crisis.crisisId(),
                            assignment.subject(), notification.getChannel().name(), notification.getState().name(),
                            null, notification.getCreatedAt());
                    String type = EventTypes.DELIVERY_PREFIX + delivery.state().toLowerCase(Locale.ROOT);
                    return notifications.persist(notification)
                            .chain(() -> outbox.publish(Topics.DELIVERIES, type, crisis.crisisId().toString(),
                                    delivery))
                            .invoke(() -> Log.infof("Notification %s queued for %s (%s) on crisis %s",
                                    notification.getId(), assignment.username(), assignment.role(),
                                    crisis.crisisId()))
                            .replaceWithVoid();
                });
    }

    /** The caller's own notifications, newest first: nobody sees anyone else's. */
    @WithSession
    public Uni<List<NotificationView>> mine(String subject, int page, int size) {
        return notifications.ofRecipient(subject, page, size)
                .map(list -> list.stream().map(NotificationView::of).toList());
    }

    @WithSession
    public Uni<List<NotificationView>> ofCrisis(UUID crisisId) {
        return notifications.ofCrisis(crisisId).map(list -> list.stream().map(NotificationView::of).toList());
    }
}
