package io.firebreak.notification.messaging;

import io.firebreak.events.SignalChanged;
import io.firebreak.notification.subscription.SubscriptionService;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code monitoring.signals.v1} → alerts for the analysts who subscribed. */
@ApplicationScoped
public class SignalConsumer {

    private final EventReader reader;
    private final SubscriptionService subscriptions;

    public SignalConsumer(EventReader reader, SubscriptionService subscriptions) {
        this.reader = reader;
        this.subscriptions = subscriptions;
    }

    @Incoming(Channels.SIGNALS)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, SignalChanged.class);
        return EventConsumption.untilApplied("signal event " + event.id(), () -> subscriptions.onSignal(event));
    }
}
