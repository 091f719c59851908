package io.firebreak.notification.subscription;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.PublicationChanged;
import io.firebreak.events.SignalChanged;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions besides crises: analysts hear of new or escalated signals, communicators of failed or held
 * publications, in their in-app list. Each person manages only their own.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final String SIGNAL_CONSUMER = "signal-subscriptions";
    private static final String PUBLICATION_CONSUMER = "publication-subscriptions";

    public record SubscriptionView(Subscription.Topic topic, Instant since) {
    }

    public record AlertView(UUID id, SubscriptionAlert.Kind kind, UUID sourceId, String severity, String title,
                            String detail, Instant createdAt) {

        static AlertView of(SubscriptionAlert alert) {
            return new AlertView(alert.getId(), alert.getKind(), alert.getSourceId(),
                    alert.getSeverity() == null ? null : alert.getSeverity().name(), alert.getTitle(),
                    alert.getDetail(), alert.getCreatedAt());
        }
    }

    private final SubscriptionRepository subscriptions;
    private final SubscriptionAlertRepository alerts;
    private final ProcessedEvents processedEvents;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, SubscriptionAlertRepository alerts,
                               ProcessedEvents processedEvents, Clock clock) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    /** The role a topic takes: signals are for analysts, publications for communicators. */
    static String roleFor(Subscription.Topic topic) {
        return topic == Subscription.Topic.SIGNALS ? Roles.ANALYST : Roles.COMMUNICATOR;
    }

    @WithTransaction
    public Uni<SubscriptionView> subscribe(String subject, Set<String> roles, Subscription.Topic topic) {
        if (!roles.contains(roleFor(topic))) {
            return Uni.createFrom().failure(new ProblemException(403, "subscription-not-allowed",
                    "Not allowed", topic + " subscriptions are for the " + roleFor(topic) + " role"));
        }
        return subscriptions.of(subject, topic).chain(known -> known != null ? Uni.createFrom().item(known)
                        : subscriptions.persist(Subscription.of(subject, topic, now()))
                                .invoke(created -> Log.infof("%s subscribed to %s", subject, topic)))
                .map(subscription -> new SubscriptionView(subscription.getTopic(), subscription.getCreatedAt()));
    }

    @WithTransaction
    public Uni<Void> unsubscribe(String subject, Subscription.Topic topic) {
        return subscriptions.of(subject, topic)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("subscription", topic))
                .chain(subscriptions::delete);
    }

    @WithSession
    public Uni<List<SubscriptionView>> mine(String subject) {
        return subscriptions.ofSubject(subject).map(list -> list.stream()
                .map(subscription -> new SubscriptionView(subscription.getTopic(), subscription.getCreatedAt()))
                .toList());
    }

    @WithSession
    public Uni<List<AlertView>> myAlerts(String subject, int page, int size) {
        return alerts.ofSubject(subject, page, size).map(list -> list.stream().map(AlertView::of).toList());
    }

    /** {@code monitoring.signals.v1}: tells every signal subscriber of a new or escalated signal, once. */
    @WithTransaction
    public Uni<Void> onSignal(CloudEvent<SignalChanged> event) {
        SignalChanged signal = event.data();
        return processedEvents.firstDelivery(SIGNAL_CONSUMER, event.id()).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : alerts.aboutSource(signal.signalId()).chain(told -> {
                    Optional<SubscriptionAlert.Kind> kind = AlertRules.forSignal(signal.status(), signal.severity(),
                            told.stream().map(SubscriptionAlert::getSeverity).toList());
                    if (kind.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String title = (kind.get() == SubscriptionAlert.Kind.SIGNAL_RAISED ? "New signal on "
                            : "Signal escalated to " + signal.severity() + " on ")
                            + (signal.watchName() == null ? "a watch" : signal.watchName());
                    return tell(Subscription.Topic.SIGNALS, kind.get(), signal.signalId(), signal.severity(), title,
                            signal.summary());
                }));
    }

    /** {@code publishing.publications.v1}: tells every publication subscriber of a failed or held one, once. */
    @WithTransaction
    public Uni<Void> onPublication(CloudEvent<PublicationChanged> event) {
        PublicationChanged publication = event.data();
        Optional<SubscriptionAlert.Kind> kind = AlertRules.forPublication(publication.state());
        return processedEvents.firstDelivery(PUBLICATION_CONSUMER, event.id()).chain(first -> !first
                || kind.isEmpty() ? Uni.createFrom().voidItem()
                : tell(Subscription.Topic.PUBLICATIONS, kind.get(), publication.publicationId(), null,
                        "Publication on " + publication.platform() + " "
                                + publication.state().toLowerCase(java.util.Locale.ROOT),
                        publication.error()));
    }

    private Uni<Void> tell(Subscription.Topic topic, SubscriptionAlert.Kind kind, UUID sourceId,
                           io.firebreak.events.Severity severity, String title, String detail) {
        Instant now = now();
        return subscriptions.to(topic).chain(subscribers -> {
            if (subscribers.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Log.infof("%s %s: telling %d subscribers", kind, sourceId, subscribers.size());
            return alerts.persist(subscribers.stream().map(subscriber -> SubscriptionAlert.of(
                    subscriber.getSubject(), topic, kind, sourceId, severity, title, detail, now)).toList());
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
