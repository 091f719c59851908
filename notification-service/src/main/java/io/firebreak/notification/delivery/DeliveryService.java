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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reaching each notified person over their channels (e-mail, push to each of their devices): a delivery per
 * channel and device is queued with the notification, claimed by one replica when due, and every attempt's
 * outcome is recorded and announced.
 */
@ApplicationScoped
public class DeliveryService {

    /** Batches one pass may take before it yields to the next tick (and to the other replicas' passes). */
    private static final int MAX_BATCHES_PER_PASS = 100;

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
     * In the caller's transaction, for each notification: an e-mail delivery to the address the person gave, else
     * the one of their profile carried in the crisis event, an SMS to the phone they gave, and a push delivery to
     * each of their devices whose token no provider rejected. Somebody with none of these gets nothing (readiness
     * lists them). Contact points and devices are read in bulk: a crisis may notify thousands at once.
     */
    public Uni<Void> queueFor(List<Notification> queued) {
        return queueFor(queued, EnumSet.allOf(Notification.Channel.class));
    }

    /** The same, on these channels only (an escalation step may name its channels). */
    public Uni<Void> queueFor(List<Notification> queued, Set<Notification.Channel> channels) {
        List<String> subjects = queued.stream().map(Notification::getRecipientSubject).distinct().toList();
        return contacts.ofSubjects(subjects).chain(contactList -> devices.reachable(subjects).chain(deviceList -> {
            Map<String, ContactPoint> contactOf = new HashMap<>();
            contactList.forEach(contact -> contactOf.put(contact.getSubject(), contact));
            Map<String, List<PushDevice>> devicesOf = new HashMap<>();
            deviceList.forEach(device -> devicesOf.computeIfAbsent(device.getOwnerSubject(), owner -> new ArrayList<>())
                    .add(device));
            Instant now = now();
            List<Delivery> planned = new ArrayList<>();
            for (Notification notification : queued) {
                ContactPoint contact = contactOf.get(notification.getRecipientSubject());
                String address = contact != null && contact.getEmail() != null ? contact.getEmail()
                        : notification.getRecipientEmail();
                String language = contact != null ? contact.getLanguage() : ContactPoint.DEFAULT_LANGUAGE;
                if (!channels.contains(Notification.Channel.EMAIL)) {
                    Log.debugf("Notification %s: not by e-mail", notification.getId());
                } else if (address == null || address.isBlank()) {
                    Log.warnf("Notification %s: %s has no e-mail address", notification.getId(),
                            notification.getRecipientSubject());
                } else {
                    planned.add(Delivery.queued(notification.getId(), Notification.Channel.EMAIL, address, language,
                            now));
                }
                if (channels.contains(Notification.Channel.SMS) && contact != null && contact.getPhone() != null
                        && sms.configured()) {
                    planned.add(Delivery.queued(notification.getId(), Notification.Channel.SMS, contact.getPhone(),
                            language, now));
                }
                for (PushDevice device : devicesOf.getOrDefault(notification.getRecipientSubject(), List.of())) {
                    if (channels.contains(Notification.Channel.PUSH) && push.reaches(device.getPlatform())) {
                        planned.add(Delivery.queued(notification.getId(), Notification.Channel.PUSH, device.getId(),
                                device.getToken(), language, now));
                    }
                }
            }
            return planned.isEmpty() ? Uni.createFrom().voidItem() : deliveries.persist(planned);
        }));
    }

    /**
     * Sends the notification again on these channels (an escalation step): each of its deliveries on them starts
     * over, now, and a channel it was never sent on (the step names SMS, the first alert went by e-mail) is queued.
     */
    public Uni<Void> requeue(Notification notification, Set<Notification.Channel> channels) {
        return deliveries.ofNotification(notification.getId()).chain(list -> {
            Instant now = now();
            Set<Notification.Channel> missing = EnumSet.noneOf(Notification.Channel.class);
            missing.addAll(channels);
            for (Delivery delivery : list) {
                if (channels.contains(delivery.getChannel())) {
                    delivery.requeue(now);
                    missing.remove(delivery.getChannel());
                }
            }
            return missing.isEmpty() ? Uni.createFrom().voidItem() : queueFor(List.of(notification), missing);
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

    /**
     * One scheduler pass on this replica: due deliveries claimed a batch at a time, as long as full batches come
     * (a crisis queues thousands at once), each batch sent concurrently; the number attempted.
     */
    public Uni<Integer> deliverDue() {
        return deliverBatches(Vertx.currentContext(), 0, 0);
    }

    private Uni<Integer> deliverBatches(Context context, int batches, int attempted) {
        return deliverBatch(context).chain(count -> count == config.delivery().batchSize()
                && batches + 1 < MAX_BATCHES_PER_PASS
                ? deliverBatches(context, batches + 1, attempted + count)
                : Uni.createFrom().item(attempted + count));
    }

    /**
     * Claims a batch (one statement), reads what its sends need in one session, sends them with bounded
     * parallelism outside any transaction, and records every outcome with its event in one transaction. A
     * delivery whose attempt could not be made or recorded keeps its lease, which runs out: another pass retries.
     */
    private Uni<Integer> deliverBatch(Context context) {
        Instant now = now();
        return deliveries.claimDue(now, now.plus(config.delivery().lease()), config.delivery().batchSize())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : Panache.withSession(() -> load(ids))
                        .chain(this::sendAll)
                        // Back on the pass' own context: providers answer on theirs, and the session is bound to it.
                        .emitOn(task -> onContext(context, task))
                        .chain(answers -> Panache.withTransaction(() -> record(answers)))
                        .onFailure().invoke(failure -> Log.errorf(failure,
                                "A batch of %d deliveries could not be attempted or recorded; its leases will run out",
                                ids.size()))
                        .onFailure().recoverWithNull()
                        .replaceWith(ids.size()));
    }

    private static void onContext(Context context, Runnable task) {
        if (context == null || Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }

    /** Everything one attempt needs, read before any provider call so that no transaction spans it. */
    private record Attempt(Delivery delivery, Notification notification, CrisisAlert alert, PushDevice device) {
    }

    /** What the provider answered one attempt, and when. */
    private record Answer(UUID deliveryId, SendOutcome outcome, Instant at) {
    }

    private Uni<List<Attempt>> load(List<UUID> ids) {
        return deliveries.byIds(ids).chain(claimed -> notifications.byIds(claimed.stream()
                        .map(Delivery::getNotificationId).distinct().toList())
                .chain(notificationList -> devices.byIds(claimed.stream().map(Delivery::getDeviceId)
                                .filter(Objects::nonNull).distinct().toList())
                        .chain(deviceList -> alertsOf(notificationList).map(alertOf -> {
                            Map<UUID, Notification> notificationOf = new HashMap<>();
                            notificationList.forEach(notification -> notificationOf.put(notification.getId(),
                                    notification));
                            Map<UUID, PushDevice> deviceOf = new HashMap<>();
                            deviceList.forEach(device -> deviceOf.put(device.getId(), device));
                            List<Attempt> attempts = new ArrayList<>();
                            for (Delivery delivery : claimed) {
                                Notification notification = notificationOf.get(delivery.getNotificationId());
                                attempts.add(new Attempt(delivery, notification,
                                        alertOf.get(notification.getCrisisId()),
                                        delivery.getDeviceId() == null ? null : deviceOf.get(delivery.getDeviceId())));
                            }
                            return attempts;
                        }))));
    }

    private Uni<Map<UUID, CrisisAlert>> alertsOf(List<Notification> notificationList) {
        Map<UUID, CrisisAlert> alertOf = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID crisisId : notificationList.stream().map(Notification::getCrisisId).distinct().toList()) {
            chain = chain.chain(() -> alerts.findById(crisisId).invoke(alert -> alertOf.put(crisisId, alert))
                    .replaceWithVoid());
        }
        return chain.replaceWith(alertOf);
    }

    /** At most {@code parallelism} sends in flight; an attempt that throws is left to its lease. */
    private Uni<List<Answer>> sendAll(List<Attempt> attempts) {
        return Multi.createFrom().iterable(attempts)
                .onItem().transformToUni(attempt -> Uni.createFrom().deferred(() -> send(attempt))
                        .map(outcome -> new Answer(attempt.delivery().getId(), outcome, now()))
                        .onFailure().invoke(failure -> Log.errorf(failure,
                                "Delivery %s could not be attempted; its lease will run out",
                                attempt.delivery().getId()))
                        .onFailure().recoverWithNull())
                .merge(config.delivery().parallelism())
                .collect().asList();
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

    /** In one transaction: every answer of a batch on its delivery, with its event. */
    private Uni<Void> record(List<Answer> answers) {
        if (answers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return deliveries.byIds(answers.stream().map(Answer::deliveryId).toList()).chain(list -> notifications
                .byIds(list.stream().map(Delivery::getNotificationId).distinct().toList())
                .chain(notificationList -> {
                    Map<UUID, Delivery> deliveryOf = new HashMap<>();
                    list.forEach(delivery -> deliveryOf.put(delivery.getId(), delivery));
                    Map<UUID, Notification> notificationOf = new HashMap<>();
                    notificationList.forEach(notification -> notificationOf.put(notification.getId(), notification));
                    List<DeliveryEvents.Announcement> announced = new ArrayList<>();
                    List<Delivery> rejected = new ArrayList<>();
                    for (Answer answer : answers) {
                        Delivery delivery = deliveryOf.get(answer.deliveryId());
                        Notification notification = notificationOf.get(delivery.getNotificationId());
                        announced.add(record(delivery, notification, answer.outcome(), answer.at()));
                        if (answer.outcome().addressRejected() && delivery.getDeviceId() != null) {
                            rejected.add(delivery);
                        }
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Delivery delivery : rejected) {
                        Answer answer = answers.stream().filter(a -> a.deliveryId().equals(delivery.getId()))
                                .findFirst().orElseThrow();
                        chain = chain.chain(() -> rejectDevice(delivery, answer.outcome(), answer.at()));
                    }
                    return chain.chain(() -> events.announceAll(announced));
                }));
    }

    /** One answer on its delivery: sent, retried later or failed for good; the event that says so. */
    private DeliveryEvents.Announcement record(Delivery delivery, Notification notification, SendOutcome outcome,
                                               Instant now) {
        delivery.attemptedBy(outcome.provider(), outcome.messageId());
        if (outcome.sent()) {
            delivery.sent(now);
            Log.debugf("Delivery %s of notification %s sent by %s (%s) on attempt %d", delivery.getId(),
                    notification.getId(), delivery.getChannel(), outcome.provider(), delivery.getAttempts());
            return new DeliveryEvents.Announcement(notification, delivery.getChannel(), "SENT", null, now);
        }
        String attempted = "attempt " + delivery.getAttempts() + ": " + outcome.reason();
        Optional<Duration> retry = retries.nextDelay(delivery.getAttempts(), outcome.transientFailure())
                .map(delay -> outcome.retryAfter().filter(after -> after.compareTo(delay) > 0).orElse(delay));
        String reason;
        if (retry.isPresent()) {
            delivery.retryAt(now.plus(retry.get()), attempted);
            reason = attempted + "; retrying at " + delivery.getNextAttemptAt();
        } else {
            delivery.failed(attempted);
            reason = outcome.addressRejected() ? attempted + "; device token rejected" : attempted;
        }
        Log.infof("Delivery %s of notification %s failed (%s)", delivery.getId(), notification.getId(), reason);
        return new DeliveryEvents.Announcement(notification, delivery.getChannel(), "FAILED", reason, now);
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
