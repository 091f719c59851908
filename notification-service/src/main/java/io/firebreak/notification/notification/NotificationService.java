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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Queues one notification per role holder given for this crisis state, in the caller's transaction, and
     * announces each on {@code notification.deliveries.v1}. A holder already notified of this state is skipped.
     * A crisis may have thousands of holders: they are looked up, written and announced in bulk, not one round
     * trip each.
     */
    public Uni<Void> queueFor(CrisisChanged crisis, List<Assignment> holders) {
        if (holders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> subjects = holders.stream().map(Assignment::subject).distinct().toList();
        return notifications.notifiedOf(crisis.crisisId(), crisis.status(), subjects).chain(known -> {
            Set<String> notified = new HashSet<>();
            known.forEach(earlier -> notified.add(key(earlier.subject(), earlier.role())));
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
            return notifications.insertAll(queued)
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

    /** An escalation step pages {@code holder} about {@code role} (theirs, or the one they back up or manage). */
    public record Paging(UUID crisisId, Assignment holder, String role, Set<Notification.Channel> channels) {
    }

    /**
     * Escalation steps fired together page these people, in the caller's transaction, in a few set-based
     * statements however many they are: each gets a new notification about the role on the step's channels, or
     * the one they already have sent again on them. Announced as escalated. A crisis is ACTIVE while it escalates.
     */
    public Uni<Void> pageAll(List<Paging> pagings) {
        if (pagings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // The same person paged twice about the same role at once (they hold it twice): one page, all channels.
        Map<String, Paging> byKey = new LinkedHashMap<>();
        for (Paging paging : pagings) {
            byKey.merge(key(paging.crisisId(), paging.holder().subject(), paging.role()), paging,
                    (first, second) -> new Paging(first.crisisId(), first.holder(), first.role(),
                            union(first.channels(), second.channels())));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<UUID> crisisIds = byKey.values().stream().map(Paging::crisisId).distinct().toList();
        List<String> subjects = byKey.values().stream().map(paging -> paging.holder().subject()).distinct().toList();
        return notifications.ofCrises(crisisIds, CrisisStatus.ACTIVE, subjects).chain(known -> {
            Map<String, Notification> knownOf = new HashMap<>();
            known.forEach(notification -> knownOf.put(key(notification.getCrisisId(),
                    notification.getRecipientSubject(), notification.getRole()), notification));
            List<Notification> fresh = new ArrayList<>();
            Map<Set<Notification.Channel>, List<Notification>> freshOn = new LinkedHashMap<>();
            Map<Notification, Set<Notification.Channel>> again = new LinkedHashMap<>();
            List<DeliveryEvents.Announcement> announced = new ArrayList<>();
            byKey.forEach((key, paging) -> {
                Notification notification = knownOf.get(key);
                if (notification != null) {
                    again.put(notification, paging.channels());
                } else {
                    Assignment holder = paging.holder();
                    notification = Notification.queued(paging.crisisId(), CrisisStatus.ACTIVE,
                            new Assignment(holder.subject(), holder.username(), holder.email(), paging.role(),
                                    holder.backup()), now);
                    fresh.add(notification);
                    freshOn.computeIfAbsent(paging.channels(), channels -> new ArrayList<>()).add(notification);
                    announced.add(new DeliveryEvents.Announcement(notification, notification.getChannel(),
                            notification.getState().name(), null, now));
                }
                announced.add(new DeliveryEvents.Announcement(notification, Notification.Channel.EMAIL, "ESCALATED",
                        null, now));
                Log.infof("Crisis %s: %s paged about role %s", paging.crisisId(), paging.holder().username(),
                        paging.role());
            });
            Uni<Void> chain = notifications.insertAll(fresh);
            chain = chain.chain(() -> deliveries.requeueAll(again));
            for (Map.Entry<Set<Notification.Channel>, List<Notification>> group : freshOn.entrySet()) {
                chain = chain.chain(() -> deliveries.queueFor(group.getValue(), group.getKey()));
            }
            return chain.chain(() -> events.announceAll(announced));
        });
    }

    private static String key(UUID crisisId, String subject, String role) {
        return crisisId + "\n" + subject + '\n' + role;
    }

    private static Set<Notification.Channel> union(Set<Notification.Channel> one, Set<Notification.Channel> other) {
        Set<Notification.Channel> all = EnumSet.noneOf(Notification.Channel.class);
        all.addAll(one);
        all.addAll(other);
        return all;
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
