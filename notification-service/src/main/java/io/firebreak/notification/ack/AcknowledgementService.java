package io.firebreak.notification.ack;

import io.firebreak.notification.contact.ContactPoint;
import io.firebreak.notification.contact.ContactPointRepository;
import io.firebreak.notification.crisis.CrisisAlertRepository;
import io.firebreak.notification.notification.DeliveryEvents;
import io.firebreak.notification.notification.Notification;
import io.firebreak.notification.notification.NotificationRepository;
import io.firebreak.notification.notification.NotificationView;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * "I'm on it": recorded once with when and through which channel, announced on
 * {@code notification.deliveries.v1}, and from then on no escalation step pages this person for it.
 */
@ApplicationScoped
public class AcknowledgementService {

    private final NotificationRepository notifications;
    private final DeliveryEvents events;
    private final AckLinks links;
    private final CrisisAlertRepository alerts;
    private final ContactPointRepository contacts;
    private final Clock clock;

    public AcknowledgementService(NotificationRepository notifications, DeliveryEvents events, AckLinks links,
                                  CrisisAlertRepository alerts, ContactPointRepository contacts, Clock clock) {
        this.alerts = alerts;
        this.contacts = contacts;
        this.notifications = notifications;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    /**
     * By the recipient, from the app or the API. Another person's notification is answered as unknown, so
     * that nobody learns who else was paged; acknowledging twice answers the first acknowledgement again.
     */
    @WithTransaction
    public Uni<NotificationView> acknowledge(UUID notificationId, String subject) {
        return notifications.ofRecipient(notificationId, subject)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("notification", notificationId))
                .chain(notification -> record(notification, Notification.Channel.IN_APP));
    }

    /** What the confirm page of a link shows, in its recipient's language. */
    public record LinkPage(UUID notificationId, String crisisTitle, String role, String language) {
    }

    /** A link used: the acknowledged notification, and the language to thank its recipient in. */
    public record LinkUse(NotificationView notification, String language) {
    }

    /**
     * Opening a link (GET) changes nothing: it checks the link as using it would, and says what it is for.
     */
    @WithSession
    public Uni<LinkPage> inspectLink(String token) {
        return usable(token).chain(notification -> alerts.findById(notification.getCrisisId())
                .chain(alert -> languageOf(notification).map(language -> new LinkPage(notification.getId(),
                        alert == null ? "" : alert.getTitle(), notification.getRole(), language))));
    }

    /**
     * Through a signed link from an e-mail or SMS, without a login: the link is the proof. It works once; a
     * forged link is refused, an expired one is gone, and a used one (or a notification acknowledged in the
     * app) is a conflict.
     */
    @WithTransaction
    public Uni<LinkUse> acknowledgeByLink(String token) {
        return usable(token).chain(notification -> record(notification, Notification.Channel.EMAIL)
                .chain(view -> languageOf(notification).map(language -> new LinkUse(view, language))));
    }

    private Uni<String> languageOf(Notification notification) {
        return contacts.findById(notification.getRecipientSubject())
                .map(contact -> contact == null ? ContactPoint.DEFAULT_LANGUAGE : contact.getLanguage());
    }

    private Uni<Notification> usable(String token) {
        AckLinks.Check check = links.check(token, clock.instant());
        if (check instanceof AckLinks.Expired expired) {
            return Uni.createFrom().failure(new ProblemException(410, "ack-link-expired", "Acknowledge link expired",
                    "this acknowledge link expired at " + expired.expiredAt() + "; acknowledge in the app instead"));
        }
        if (!(check instanceof AckLinks.Valid valid)) {
            return Uni.createFrom().failure(new ProblemException(400, "ack-link-invalid", "Invalid acknowledge link",
                    "this acknowledge link is not one Firebreak signed"));
        }
        return notifications.findById(valid.notificationId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("notification", valid.notificationId()))
                .chain(notification -> {
                    if (notification.getState() == Notification.State.ACKNOWLEDGED) {
                        return Uni.createFrom().failure(ProblemException.conflict("already-acknowledged",
                                "notification " + notification.getId() + " was already acknowledged at "
                                + notification.getAcknowledgedAt() + "; this link cannot be used again"));
                    }
                    return Uni.createFrom().item(notification);
                });
    }

    private Uni<NotificationView> record(Notification notification, Notification.Channel via) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!notification.acknowledge(via, now)) {
            return Uni.createFrom().item(NotificationView.of(notification));
        }
        Log.infof("Notification %s acknowledged by %s via %s (crisis %s)", notification.getId(),
                notification.getRecipientSubject(), via, notification.getCrisisId());
        return events.announce(notification, via, Notification.State.ACKNOWLEDGED.name(), null, now)
                .replaceWith(NotificationView.of(notification));
    }
}
