package io.firebreak.notification.delivery;

import io.firebreak.events.Severity;
import io.firebreak.notification.ack.AckLinks;
import io.firebreak.notification.config.NotificationConfig;
import io.firebreak.notification.contact.ContactPoint;
import io.firebreak.notification.contact.ContactPointRepository;
import io.firebreak.notification.contact.PushDeviceRepository;
import io.firebreak.notification.notification.DeliveryEvents;
import io.firebreak.notification.notification.Notification;
import io.firebreak.notification.notification.NotificationRepository;
import io.firebreak.notification.push.PushSender;
import io.firebreak.notification.push.PushTexts;
import io.firebreak.notification.sms.SmsSender;
import io.firebreak.notification.sms.SmsTexts;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** A batch's outcomes are recorded with set-based statements on a connection of its own, not entities. */
    private final Pool pool;

    public DeliveryService(DeliveryRepository deliveries, NotificationRepository notifications,
                           ContactPointRepository contacts, PushDeviceRepository devices, MailComposer composer,
                           EmailSender email, PushSender push, SmsSender sms, DeliveryEvents events, AckLinks links,
                           NotificationConfig config, Clock clock, Pool pool) {
        this.deliveries = deliveries;
        this.notifications = notifications;
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
        this.pool = pool;
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
        return contacts.addressesOf(subjects).chain(addressList -> devices.reachable(subjects).chain(deviceList -> {
            Map<String, ContactPointRepository.Address> contactOf = new HashMap<>();
            addressList.forEach(contact -> contactOf.put(contact.subject(), contact));
            Map<String, List<PushDeviceRepository.Target>> devicesOf = new HashMap<>();
            deviceList.forEach(device -> devicesOf.computeIfAbsent(device.ownerSubject(), owner -> new ArrayList<>())
                    .add(device));
            Instant now = now();
            List<Delivery> planned = new ArrayList<>();
            for (Notification notification : queued) {
                ContactPointRepository.Address contact = contactOf.get(notification.getRecipientSubject());
                String address = contact != null && contact.email() != null ? contact.email()
                        : notification.getRecipientEmail();
                String language = contact != null ? contact.language() : ContactPoint.DEFAULT_LANGUAGE;
                if (!channels.contains(Notification.Channel.EMAIL)) {
                    Log.debugf("Notification %s: not by e-mail", notification.getId());
                } else if (address == null || address.isBlank()) {
                    Log.warnf("Notification %s: %s has no e-mail address", notification.getId(),
                            notification.getRecipientSubject());
                } else {
                    planned.add(Delivery.queued(notification.getId(), Notification.Channel.EMAIL, address, language,
                            now));
                }
                if (channels.contains(Notification.Channel.SMS) && contact != null && contact.phone() != null
                        && sms.configured()) {
                    planned.add(Delivery.queued(notification.getId(), Notification.Channel.SMS, contact.phone(),
                            language, now));
                }
                for (PushDeviceRepository.Target device : devicesOf.getOrDefault(notification.getRecipientSubject(),
                        List.of())) {
                    if (channels.contains(Notification.Channel.PUSH) && push.reaches(device.platform())) {
                        planned.add(Delivery.queued(notification.getId(), Notification.Channel.PUSH, device.id(),
                                device.token(), language, now));
                    }
                }
            }
            return deliveries.insertAll(planned);
        }));
    }

    /**
     * Sends each notification again on its channels (escalation steps): each of its deliveries on them starts
     * over, now, and a channel it was never sent on (the step names SMS, the first alert went by e-mail) is queued.
     * In the caller's transaction, with one read for all of them.
     */
    public Uni<Void> requeueAll(Map<Notification, Set<Notification.Channel>> channelsOf) {
        if (channelsOf.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Notification> byId = new HashMap<>();
        channelsOf.keySet().forEach(notification -> byId.put(notification.getId(), notification));
        return deliveries.ofNotifications(List.copyOf(byId.keySet())).chain(list -> {
            Instant now = now();
            Map<Notification, Set<Notification.Channel>> missing = new LinkedHashMap<>();
            channelsOf.forEach((notification, channels) -> {
                Set<Notification.Channel> all = EnumSet.noneOf(Notification.Channel.class);
                all.addAll(channels);
                missing.put(notification, all);
            });
            for (Delivery delivery : list) {
                Notification notification = byId.get(delivery.getNotificationId());
                if (channelsOf.get(notification).contains(delivery.getChannel())) {
                    delivery.requeue(now);
                    missing.get(notification).remove(delivery.getChannel());
                }
            }
            Map<Set<Notification.Channel>, List<Notification>> queueOn = new LinkedHashMap<>();
            missing.forEach((notification, channels) -> {
                if (!channels.isEmpty()) {
                    queueOn.computeIfAbsent(channels, key -> new ArrayList<>()).add(notification);
                }
            });
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<Set<Notification.Channel>, List<Notification>> group : queueOn.entrySet()) {
                chain = chain.chain(() -> queueFor(group.getValue(), group.getKey()));
            }
            return chain;
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
     * Claims a batch and reads what its sends need (one statement), sends them with bounded parallelism outside
     * any transaction, and records every outcome with its event in one transaction of a few set-based statements.
     * A delivery whose attempt could not be made or recorded keeps its lease, which runs out: another pass retries.
     */
    private Uni<Integer> deliverBatch(Context context) {
        Instant now = now();
        return deliveries.claimDue(now, now.plus(config.delivery().lease()), config.delivery().batchSize())
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0) : sendAll(claimed)
                        // Back on the pass' own context: providers answer on theirs.
                        .emitOn(task -> onContext(context, task))
                        .chain(answers -> pool.withTransaction(connection -> record(connection, answers)))
                        .onFailure().invoke(failure -> Log.errorf(failure,
                                "A batch of %d deliveries could not be attempted or recorded; its leases will run out",
                                claimed.size()))
                        .onFailure().recoverWithNull()
                        .replaceWith(claimed.size()));
    }

    private static void onContext(Context context, Runnable task) {
        if (context == null || Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }

    /** What the provider answered one attempt, and when. */
    private record Answer(Attempt attempt, SendOutcome outcome, Instant at) {
    }

    /** At most {@code parallelism} sends in flight; an attempt that throws is left to its lease. */
    private Uni<List<Answer>> sendAll(List<Attempt> attempts) {
        return Multi.createFrom().iterable(attempts)
                .onItem().transformToUni(attempt -> Uni.createFrom().deferred(() -> send(attempt))
                        .map(outcome -> new Answer(attempt, outcome, now()))
                        .onFailure().invoke(failure -> Log.errorf(failure,
                                "Delivery %s could not be attempted; its lease will run out", attempt.deliveryId()))
                        .onFailure().recoverWithNull())
                .merge(config.delivery().parallelism())
                .collect().asList();
    }

    private Uni<SendOutcome> send(Attempt attempt) {
        if (attempt.crisisTitle() == null) {
            return Uni.createFrom().failure(new IllegalStateException("crisis " + attempt.crisisId()
                    + " of notification " + attempt.notificationId() + " is not known here"));
        }
        return switch (attempt.channel()) {
            case EMAIL -> email.send(attempt.deliveryId(), attempt.address(), mail(attempt));
            case PUSH -> {
                if (attempt.devicePlatform() == null || attempt.deviceRejected()) {
                    // Removed by its owner, or rejected on another delivery since this one was queued.
                    yield Uni.createFrom().item(SendOutcome.permanent("PUSH", attempt.devicePlatform() == null
                            ? "device removed" : "device token rejected: " + attempt.deviceRejectedReason()));
                }
                yield push.send(attempt.devicePlatform(), attempt.deviceToken(), PushTexts.crisisAlert(
                        attempt.language(), attempt.notificationId(), attempt.crisisId(), attempt.crisisTitle(),
                        attempt.severity().name(), attempt.role(), attempt.backup()));
            }
            case SMS -> {
                Instant expiry = now().plus(config.links().ttl());
                yield sms.send(attempt.address(), SmsTexts.crisisAlert(attempt.language(), attempt.crisisTitle(),
                        attempt.severity().name(), attempt.role(), attempt.backup(),
                        briefingUrl(attempt.crisisId()), ackUrl(attempt.notificationId(), expiry)));
            }
            default -> Uni.createFrom().item(SendOutcome.permanent(attempt.channel().name(),
                    "no provider for " + attempt.channel()));
        };
    }

    /** The alert e-mail, rendered once for everyone of this crisis, language and backup flag, then filled in. */
    private MailComposer.ComposedMail mail(Attempt attempt) {
        Instant expiry = now().plus(config.links().ttl());
        MailComposer.Shared shared = new MailComposer.Shared(attempt.language(), attempt.crisisTitle(),
                attempt.crisisStatus().name().toLowerCase(Locale.ROOT), attempt.severity().name(),
                attempt.severity() == Severity.CRITICAL, attempt.backup(), briefingUrl(attempt.crisisId()),
                expiry.truncatedTo(ChronoUnit.MINUTES).toString());
        return composer.crisisAlert(shared, attempt.recipientUsername() == null ? "" : attempt.recipientUsername(),
                attempt.role(), ackUrl(attempt.notificationId(), expiry));
    }

    private String briefingUrl(UUID crisisId) {
        return config.briefingUrl().replace("{crisisId}", crisisId.toString());
    }

    private String ackUrl(UUID notificationId, Instant expiry) {
        return config.links().baseUrl() + "/api/ack/" + links.sign(notificationId, expiry);
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

    /**
     * In {@code connection}'s transaction: every answer of a batch on its delivery (one statement), the devices
     * whose token was rejected, and the events (one statement).
     */
    private Uni<Void> record(SqlConnection connection, List<Answer> answers) {
        List<DeliveryRepository.Outcome> outcomes = new ArrayList<>();
        List<DeliveryEvents.Announcement> announced = new ArrayList<>();
        List<Answer> rejected = new ArrayList<>();
        for (Answer answer : answers) {
            Attempt attempt = answer.attempt();
            Recorded recorded = recorded(attempt, answer.outcome(), answer.at());
            outcomes.add(recorded.stored());
            announced.add(new DeliveryEvents.Announcement(attempt.notificationId(), attempt.crisisId(),
                    attempt.recipientSubject(), attempt.channel(), answer.outcome().sent() ? "SENT" : "FAILED",
                    recorded.reason(), answer.at()));
            if (answer.outcome().addressRejected() && attempt.deviceId() != null) {
                Log.warnf("Device %s of %s: %s rejected its token (%s)", attempt.deviceId(),
                        attempt.recipientSubject(), answer.outcome().provider(), answer.outcome().reason());
                rejected.add(answer);
            }
        }
        Uni<Void> rejections = Uni.createFrom().voidItem();
        for (Answer answer : rejected) {
            rejections = rejections.chain(() -> devices.markRejected(connection, answer.attempt().deviceId(),
                    answer.outcome().reason(), answer.at()));
        }
        Uni<Void> marked = rejections;
        return deliveries.record(connection, outcomes)
                .chain(() -> marked)
                .chain(() -> events.announceAll(connection, announced));
    }

    /** An answer as stored on its delivery, and the error its event reports (none when sent). */
    private record Recorded(DeliveryRepository.Outcome stored, String reason) {
    }

    /** One answer: sent, retried later or failed for good. */
    private Recorded recorded(Attempt attempt, SendOutcome outcome, Instant now) {
        UUID id = attempt.deliveryId();
        if (outcome.sent()) {
            Log.debugf("Delivery %s of notification %s sent by %s (%s) on attempt %d", id, attempt.notificationId(),
                    attempt.channel(), outcome.provider(), attempt.attempts());
            return new Recorded(new DeliveryRepository.Outcome(id, Delivery.State.SENT, outcome.provider(),
                    outcome.messageId(), now, null, null), null);
        }
        String attempted = "attempt " + attempt.attempts() + ": " + outcome.reason();
        Optional<Duration> retry = retries.nextDelay(attempt.attempts(), outcome.transientFailure())
                .map(delay -> outcome.retryAfter().filter(after -> after.compareTo(delay) > 0).orElse(delay));
        Recorded recorded;
        if (retry.isPresent()) {
            Instant next = now.plus(retry.get());
            recorded = new Recorded(new DeliveryRepository.Outcome(id, Delivery.State.QUEUED, outcome.provider(),
                    outcome.messageId(), null, next, RetriedSend.storedError(attempted)),
                    attempted + "; retrying at " + next);
        } else {
            recorded = new Recorded(new DeliveryRepository.Outcome(id, Delivery.State.FAILED, outcome.provider(),
                    outcome.messageId(), null, null, RetriedSend.storedError(attempted)),
                    outcome.addressRejected() ? attempted + "; device token rejected" : attempted);
        }
        Log.infof("Delivery %s of notification %s failed (%s)", id, attempt.notificationId(), recorded.reason());
        return recorded;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
