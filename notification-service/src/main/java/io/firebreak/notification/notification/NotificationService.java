package io.firebreak.notification.notification;

import io.firebreak.events.Assignment;
import io.firebreak.events.CrisisChanged;
import io.firebreak.notification.delivery.DeliveryService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.firebreak.events.CrisisStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final DeliveryEvents events;
    private final DeliveryService deliveries;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, DeliveryEvents events,
                               DeliveryService deliveries, Clock clock) {
        this.notifications = notifications;
        this.events = events;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Queues one notification per role holder for this crisis state, in the caller's transaction, and
     * announces each on {@code notification.deliveries.v1}. A holder already notified of this state is skipped.
     * Backups are left to the escalation policy when there is one.
     */
    public Uni<Void> queueForRoleHolders(CrisisChanged crisis, boolean includeBackups) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Assignment assignment : crisis.assignments()) {
            if (assignment.backup() && !includeBackups) {
                continue;
            }
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
                    return notifications.persist(notification)
                            .chain(() -> events.announce(notification, notification.getChannel(),
                                    notification.getState().name(), null, notification.getCreatedAt()))
                            .chain(() -> deliveries.queueFor(notification))
                            .invoke(() -> Log.infof("Notification %s queued for %s (%s) on crisis %s",
                                    notification.getId(), assignment.username(), assignment.role(),
                                    crisis.crisisId()))
                            .replaceWithVoid();
                });
    }

    /**
     * An escalation step pages {@code holder} about {@code role} (theirs, or the one they back up or manage):
     * a new notification, or the one they already have sent again. Announced as escalated.
     */
    public Uni<Void> page(UUID crisisId, CrisisStatus status, Assignment holder, String role) {
        Assignment paged = new Assignment(holder.subject(), holder.username(), holder.email(), role,
                holder.backup());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return notifications.find(crisisId, status, paged.subject(), role).chain(known -> {
            if (known != null) {
                return deliveries.requeue(known).replaceWith(known);
            }
            Notification notification = Notification.queued(crisisId, status, paged, now);
            return notifications.persist(notification)
                    .chain(() -> events.announce(notification, notification.getChannel(),
                            notification.getState().name(), null, now))
                    .chain(() -> deliveries.queueFor(notification))
                    .replaceWith(notification);
        }).chain(notification -> events.announce(notification, Notification.Channel.EMAIL, "ESCALATED", null, now))
                .invoke(() -> Log.infof("Crisis %s: %s paged about role %s", crisisId, holder.username(), role));
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
