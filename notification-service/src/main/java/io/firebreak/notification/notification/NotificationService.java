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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * Backups are left to the escalation policy when there is one. A crisis may have thousands of holders: they
     * are looked up, written and announced in bulk, not one round trip each.
     */
    public Uni<Void> queueForRoleHolders(CrisisChanged crisis, boolean includeBackups) {
        List<Assignment> holders = crisis.assignments().stream()
                .filter(assignment -> includeBackups || !assignment.backup())
                .toList();
        if (holders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return notifications.ofCrisisState(crisis.crisisId(), crisis.status()).chain(known -> {
            Set<String> notified = new HashSet<>();
            known.forEach(notification -> notified.add(key(notification.getRecipientSubject(),
                    notification.getRole())));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<Notification> queued = new ArrayList<>();
            for (Assignment holder : holders) {
                if (notified.add(key(holder.subject(), holder.role()))) {
                    queued.add(Notification.queued(crisis.crisisId(), crisis.status(), holder, now));
                }
            }
            if (queued.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return notifications.persist(queued)
                    .chain(() -> events.announceAll(queued.stream().map(notification -> new DeliveryEvents.Announcement(
                            notification, notification.getChannel(), notification.getState().name(), null, now))
                            .toList()))
                    .chain(() -> deliveries.queueFor(queued))
                    .invoke(() -> {
                        queued.forEach(notification -> Log.debugf("Notification %s queued for %s (%s) on crisis %s",
                                notification.getId(), notification.getRecipientUsername(), notification.getRole(),
                                crisis.crisisId()));
                        Log.infof("Crisis %s (%s): %d notifications queued", crisis.crisisId(), crisis.status(),
                                queued.size());
                    });
        });
    }

    private static String key(String subject, String role) {
        return subject + '\n' + role;
    }

    /**
     * An escalation step pages {@code holder} about {@code role} (theirs, or the one they back up or manage) on
     * {@code channels}: a new notification, or the one they already have sent again. Announced as escalated.
     */
    public Uni<Void> page(UUID crisisId, CrisisStatus status, Assignment holder, String role,
                          Set<Notification.Channel> channels) {
        Assignment paged = new Assignment(holder.subject(), holder.username(), holder.email(), role,
                holder.backup());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return notifications.find(crisisId, status, paged.subject(), role).chain(known -> {
            if (known != null) {
                return deliveries.requeue(known, channels).replaceWith(known);
            }
            Notification notification = Notification.queued(crisisId, status, paged, now);
            return notifications.persist(notification)
                    .chain(() -> events.announce(notification, notification.getChannel(),
                            notification.getState().name(), null, now))
                    .chain(() -> deliveries.queueFor(List.of(notification), channels))
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
