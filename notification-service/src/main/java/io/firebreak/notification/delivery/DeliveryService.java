package io.firebreak.notification.delivery;

import io.firebreak.events.Severity;
import io.firebreak.notification.ack.AckLinks;
import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.contact.ContactPoint;
import io.firebreak.notification.contact.ContactPointRepository;
import io.firebreak.notification.contact.PushDevice;
import io.firebreak.notification.contact.PushDeviceRepository;
import io.firebreak.notification.crisis.CrisisAlert;
import io.firebreak.notification.crisis.CrisisAlertRepository;
import io.firebreak.notification.notification.DeliveryEvents;
import io.firebreak.notification.notification.Notification;
import io.firebreak.notification.notification.NotificationRepository;
import io.firebreak.notification.push.PushSender;
import io.firebreak.notification.push.PushTexts;
import io.firebreak.notification.sms.SmsSender;
import io.firebreak.notification.sms.SmsTexts;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reaching each notified person over their channels (e-mail, push to each of their devices): a delivery per
 * channel and device is queued with the notification, claimed by one replica when due, and every attempt's
 * outcome is recorded and announced.
 */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final CrisisAlertRepository alerts;
    private final ContactPointRepository contacts;
    private final PushDeviceRepository devices;
    private final MailComposer composer;
    private final EmailSender email;
    private final PushSender push;
    private final SmsSender sms;
    private final DeliveryEvents events;
    private final AckLinks links;
    private final NotificationConfig config;
    private final RetryPolicy retries;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, NotificationRepository notifications,
                           CrisisAlertRepository alerts, ContactPointRepository contacts,
                           PushDeviceRepository devices, MailComposer composer, EmailSender email, PushSender push,
                           SmsSender sms, DeliveryEvents events, AckLinks links, NotificationConfig config,
                           Clock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.alerts = alerts;
        this.contacts = contacts;
        this.devices = devices;
        this.composer = composer;
        this.email = email;
        this.push = push;
        this.sms = sms;
        this.events = events;
        this.links = links;
        this.config = config;
        this.retries = new RetryPolicy(config.delivery().maxAttempts(), config.delivery().retryBackoff());
        this.clock = clock;
    }

    /**
     * In the caller's transaction: an e-mail delivery to the address the person gave, else the one of their
     * profile carried in the crisis event, an SMS to the phone they gave, and a push delivery to each of their
     * devices whose token no provider rejected. Somebody with none of these gets nothing (readiness lists them).
     */
    public Uni<Void> queueFor(Notification notification) {
        return contacts.findById(notification.getRecipientSubject()).chain(contact -> {
            String address = contact != null && contact.getEmail() != null ? contact.getEmail()
                    : notification.getRecipientEmail();
            String language = contact != null ? contact.getLanguage() : ContactPoint.DEFAULT_LANGUAGE;
            Instant now = now();
            Uni<Void> mail = Uni.createFrom().voidItem();
            if (address == null || address.isBlank()) {
                Log.warnf("Notification %s: %s has no e-mail address", notification.getId(),
                        notification.getRecipientSubject());
            } else {
                mail = deliveries.persist(Delivery.queued(notification.getId(), Notification.Channel.EMAIL, address,
                        language, now)).replaceWithVoid();
            }
            if (contact != null && contact.getPhone() != null && sms.configured()) {
                mail = mail.chain(() -> deliveries.persist(Delivery.queued(notification.getId(),
                        Notification.Channel.SMS, contact.getPhone(), language, now)).replaceWithVoid());
            }
            return mail.chain(() -> devices.reachable(notification.getRecipientSubject())).chain(list -> {
                List<Delivery> pushes = list.stream()
                        .filter(device -> push.reaches(device.getPlatform()))
                        .map(device -> Delivery.queued(notification.getId(), Notification.Channel.PUSH,
                                device.getId(), device.getToken(), language, now))
                        .toList();
                return pushes.isEmpty() ? Uni.createFrom().voidItem() : deliveries.persist(pushes);
            });
        });
    }

    /** Sends the notification again (an escalation round): each of its deliveries starts over, now. */
    public Uni<Void> requeue(Notification notification) {
        return deliveries.ofNotification(notification.getId()).chain(list -> {
            if (list.isEmpty()) {
                return queueFor(notification);
            }
            Instant now = now();
            list.forEach(delivery -> delivery.requeue(now));
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

    /** Everything one attempt needs, read in a short session so that no transaction spans the provider call. */
    private record Attempt(Delivery delivery, Notification notification, CrisisAlert alert, PushDevice device) {
    }

    private Uni<Void> attempt(UUID deliveryId) {
        return Panache.withSession(() -> deliveries.findById(deliveryId).chain(this::load))
                .chain(this::send)
                .chain(outcome -> Panache.withTransaction(() -> record(deliveryId, outcome)));
    }

    private Uni<Attempt> load(Delivery delivery) {
        return notifications.findById(delivery.getNotificationId())
                .chain(notification -> alerts.findById(notification.getCrisisId())
                        .chain(alert -> delivery.getDeviceId() == null
                                ? Uni.createFrom().item(new Attempt(delivery, notification, alert, null))
                                : devices.findById(delivery.getDeviceId())
                                        .map(device -> new Attempt(delivery, notification, alert, device))));
    }

    private Uni<SendOutcome> send(Attempt attempt) {
        Delivery delivery = attempt.delivery();
        Notification notification = attempt.notification();
        CrisisAlert alert = attempt.alert();
        return switch (delivery.getChannel()) {
            case EMAIL -> email.send(delivery.getId(), delivery.getAddress(),
                    composer.crisisAlert(delivery.getLanguage(), mailData(notification, alert)));
            case PUSH -> {
                PushDevice device = attempt.device();
                if (device == null || device.isRejected()) {
                    // Removed by its owner, or rejected on another delivery since this one was queued.
                    yield Uni.createFrom().item(SendOutcome.permanent("PUSH", device == null
                            ? "device removed" : "device token rejected: " + device.getRejectedReason()));
                }
                yield push.send(device.getPlatform(), device.getToken(), PushTexts.crisisAlert(
                        delivery.getLanguage(), notification.getId(), notification.getCrisisId(), alert.getTitle(),
                        alert.getSeverity().name(), notification.getRole(), notification.isBackup()));
            }
            case SMS -> {
                Instant expiry = now().plus(config.links().ttl());
                yield sms.send(delivery.getAddress(), SmsTexts.crisisAlert(delivery.getLanguage(), alert.getTitle(),
                        alert.getSeverity().name(), notification.getRole(), notification.isBackup(),
                        briefingUrl(notification), ackUrl(notification, expiry)));
            }
            default -> Uni.createFrom().item(SendOutcome.permanent(delivery.getChannel().name(),
                    "no provider for " + delivery.getChannel()));
        };
    }

    private Map<String, Object> mailData(Notification notification, CrisisAlert alert) {
        Instant expiry = now().plus(config.links().ttl());
        Map<String, Object> data = new HashMap<>();
        data.put("name", notification.getRecipientUsername() == null ? "" : notification.getRecipientUsername());
        data.put("title", alert.getTitle());
        data.put("status", alert.getStatus().name().toLowerCase(Locale.ROOT));
        data.put("severity", alert.getSeverity().name());
        data.put("critical", alert.getSeverity() == Severity.CRITICAL);
        data.put("role", notification.getRole());
        data.put("backup", notification.isBackup());
        data.put("briefingUrl", briefingUrl(notification));
        data.put("ackUrl", ackUrl(notification, expiry));
        data.put("expiresAt", expiry.truncatedTo(ChronoUnit.MINUTES).toString());
        return data;
    }

    private String briefingUrl(Notification notification) {
        return config.briefingUrl().replace("{crisisId}", notification.getCrisisId().toString());
    }

    private String ackUrl(Notification notification, Instant expiry) {
        return config.links().baseUrl() + "/api/ack/" + links.sign(notification.getId(), expiry);
    }

    /**
     * A provider's delivery report for a message it accepted: delivered to the handset, or not after all.
     * Reports of other states (queued, sent) and repeated reports change nothing.
     */
    @WithTransaction
    public Uni<Void> reported(String provider, String messageId, boolean delivered, String error) {
        Instant now = now();
        return deliveries.byProviderMessage(provider, messageId).chain(delivery -> {
            if (delivery == null || delivery.getState() != Delivery.State.SENT) {
                Log.debugf("%s report for message %s ignored (unknown or already final)", provider, messageId);
                return Uni.createFrom().voidItem();
            }
            return notifications.findById(delivery.getNotificationId()).chain(notification -> {
                if (delivered) {
                    delivery.delivered();
                } else {
                    delivery.undelivered(error);
                }
                Log.infof("Delivery %s of notification %s %s per %s", delivery.getId(), notification.getId(),
                        delivered ? "delivered" : "undelivered (" + error + ")", provider);
                return events.announce(notification, delivery.getChannel(), delivered ? "DELIVERED" : "FAILED",
                        delivered ? null : error, now);
            });
        });
    }

    private Uni<Void> record(UUID deliveryId, SendOutcome outcome) {
        Instant now = now();
        return deliveries.findById(deliveryId).chain(delivery -> notifications.findById(delivery.getNotificationId())
                .chain(notification -> {
                    delivery.attemptedBy(outcome.provider(), outcome.messageId());
                    if (outcome.sent()) {
                        delivery.sent(now);
                        Log.infof("Delivery %s of notification %s sent by %s (%s) on attempt %d", deliveryId,
                                notification.getId(), delivery.getChannel(), outcome.provider(),
                                delivery.getAttempts());
                        return events.announce(notification, delivery.getChannel(), "SENT", null, now);
                    }
                    String attempted = "attempt " + delivery.getAttempts() + ": " + outcome.reason();
                    Optional<Duration> retry = retries.nextDelay(delivery.getAttempts(), outcome.transientFailure())
                            .map(delay -> outcome.retryAfter().filter(after -> after.compareTo(delay) > 0)
                                    .orElse(delay));
                    String reason;
                    if (retry.isPresent()) {
                        delivery.retryAt(now.plus(retry.get()), attempted);
                        reason = attempted + "; retrying at " + delivery.getNextAttemptAt();
                    } else {
                        delivery.failed(attempted);
                        reason = outcome.addressRejected() ? attempted + "; device token rejected" : attempted;
                    }
                    Log.infof("Delivery %s of notification %s failed (%s)", deliveryId, notification.getId(),
                            reason);
                    return rejectDevice(delivery, outcome, now)
                            .chain(() -> events.announce(notification, delivery.getChannel(), "FAILED", reason, now));
                }));
    }

    /** A token the provider no longer knows is marked on its device, so that nothing is pushed to it again. */
    private Uni<Void> rejectDevice(Delivery delivery, SendOutcome outcome, Instant now) {
        if (!outcome.addressRejected() || delivery.getDeviceId() == null) {
            return Uni.createFrom().voidItem();
        }
        return devices.findById(delivery.getDeviceId()).invoke(device -> {
            if (device != null) {
                device.rejected(outcome.reason(), now);
                Log.warnf("Device %s of %s: %s rejected its token (%s)", device.getId(), device.getOwnerSubject(),
                        outcome.provider(), outcome.reason());
            }
        }).replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
