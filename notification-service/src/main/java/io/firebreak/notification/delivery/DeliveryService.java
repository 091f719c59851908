package io.firebreak.notification.delivery;

import io.firebreak.notification.ack.AckLinks;
import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.contact.ContactPoint;
import io.firebreak.notification.contact.ContactPointRepository;
import io.firebreak.notification.crisis.CrisisAlertRepository;
import io.firebreak.notification.notification.DeliveryEvents;
import io.firebreak.notification.notification.Notification;
import io.firebreak.notification.notification.NotificationRepository;
import io.firebreak.events.Severity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reaching each notified person over their channels (e-mail for now): a delivery is queued with the
 * notification, claimed by one replica when due, and every attempt's outcome is recorded and announced.
 */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final CrisisAlertRepository alerts;
    private final ContactPointRepository contacts;
    private final MailComposer composer;
    private final EmailSender email;
    private final DeliveryEvents events;
    private final AckLinks links;
    private final NotificationConfig config;
    private final RetryPolicy retries;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, NotificationRepository notifications,
                           CrisisAlertRepository alerts, ContactPointRepository contacts, MailComposer composer,
                           EmailSender email, DeliveryEvents events, AckLinks links, NotificationConfig config,
                           Clock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.alerts = alerts;
        this.contacts = contacts;
        this.composer = composer;
        this.email = email;
        this.events = events;
        this.links = links;
        this.config = config;
        this.retries = new RetryPolicy(config.delivery().maxAttempts(), config.delivery().retryBackoff());
        this.clock = clock;
    }

    /**
     * In the caller's transaction: an e-mail delivery to the address the person gave, else the one of their
     * profile carried in the crisis event; nobody without an address gets one (readiness lists them).
     */
    public Uni<Void> queueFor(Notification notification) {
        return contacts.findById(notification.getRecipientSubject()).chain(contact -> {
            String address = contact != null && contact.getEmail() != null ? contact.getEmail()
                    : notification.getRecipientEmail();
            String language = contact != null ? contact.getLanguage() : ContactPoint.DEFAULT_LANGUAGE;
            if (address == null || address.isBlank()) {
                Log.warnf("Notification %s: %s has no e-mail address", notification.getId(),
                        notification.getRecipientSubject());
                return Uni.createFrom().voidItem();
            }
            return deliveries.persist(Delivery.queued(notification.getId(), Notification.Channel.EMAIL, address,
                    language, now())).replaceWithVoid();
        });
    }

    /** Sends the notification again (an escalation round): its e-mail delivery starts over, now. */
    public Uni<Void> requeue(Notification notification) {
        return deliveries.find("notificationId = ?1 and channel = ?2", notification.getId(),
                        Notification.Channel.EMAIL).firstResult()
                .chain(delivery -> {
                    if (delivery == null) {
                        return queueFor(notification);
                    }
                    delivery.requeue(now());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The deliveries of these notifications, for the crisis managers' view. */
    public Uni<List<DeliveryView>> of(List<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return deliveries.ofNotifications(notificationIds)
                .map(list -> list.stream().map(DeliveryView::of).toList());
    }

    /** One scheduler pass on this replica: the number of deliveries it attempted. */
    public Uni<Integer> deliverDue() {
        Instant now = now();
        return deliveries.claimDue(now, now.plus(config.delivery().lease()), config.delivery().batchSize())
                .chain(ids -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.chain(() -> attempt(id)
                                .onFailure().invoke(failure -> Log.errorf(failure,
                                        "Delivery %s could not be attempted; its lease will run out", id))
                                .onFailure().recoverWithNull());
                    }
                    return chain.replaceWith(ids.size());
                });
    }

    private record Prepared(Delivery delivery, MailComposer.ComposedMail mail) {
    }

    private Uni<Void> attempt(UUID deliveryId) {
        return Panache.withSession(() -> deliveries.findById(deliveryId).chain(this::prepare))
                .chain(prepared -> email.send(deliveryId, prepared.delivery().getAddress(), prepared.mail()))
                .chain(outcome -> Panache.withTransaction(() -> record(deliveryId, outcome)));
    }

    private Uni<Prepared> prepare(Delivery delivery) {
        return notifications.findById(delivery.getNotificationId())
                .chain(notification -> alerts.findById(notification.getCrisisId()).map(alert -> {
                    Instant expiry = now().plus(config.links().ttl());
                    Map<String, Object> data = new HashMap<>();
                    data.put("name", notification.getRecipientUsername() == null ? ""
                            : notification.getRecipientUsername());
                    data.put("title", alert.getTitle());
                    data.put("status", alert.getStatus().name().toLowerCase(Locale.ROOT));
                    data.put("severity", alert.getSeverity().name());
                    data.put("critical", alert.getSeverity() == Severity.CRITICAL);
                    data.put("role", notification.getRole());
                    data.put("backup", notification.isBackup());
                    data.put("briefingUrl", config.briefingUrl()
                            .replace("{crisisId}", notification.getCrisisId().toString()));
                    data.put("ackUrl", config.links().baseUrl() + "/api/ack/"
                            + links.sign(notification.getId(), expiry));
                    data.put("expiresAt", expiry.truncatedTo(ChronoUnit.MINUTES).toString());
                    return new Prepared(delivery, composer.crisisAlert(delivery.getLanguage(), data));
                }));
    }

    private Uni<Void> record(UUID deliveryId, EmailSender.Outcome outcome) {
        Instant now = now();
        return deliveries.findById(deliveryId).chain(delivery -> notifications.findById(delivery.getNotificationId())
                .chain(notification -> {
                    if (outcome.sent()) {
                        delivery.sent(now);
                        Log.infof("Delivery %s of notification %s sent by %s on attempt %d", deliveryId,
                                notification.getId(), delivery.getChannel(), delivery.getAttempts());
                        return events.announce(notification, delivery.getChannel(), "SENT", null, now);
                    }
                    String reason = "attempt " + delivery.getAttempts() + ": " + outcome.reason();
                    var retry = retries.nextDelay(delivery.getAttempts(), outcome.transientFailure());
                    if (retry.isPresent()) {
                        delivery.retryAt(now.plus(retry.get()), reason);
                        reason += "; retrying at " + delivery.getNextAttemptAt();
                    } else {
                        delivery.failed(reason);
                    }
                    Log.infof("Delivery %s of notification %s failed (%s)", deliveryId, notification.getId(),
                            reason);
                    return events.announce(notification, delivery.getChannel(), "FAILED", reason, now);
                }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
