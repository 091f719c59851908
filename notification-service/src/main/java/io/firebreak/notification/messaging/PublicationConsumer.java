package io.firebreak.notification.messaging;

import io.firebreak.events.PublicationChanged;
import io.firebreak.notification.subscription.SubscriptionService;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code publishing.publications.v1} → alerts for the communicators who subscribed. */
@ApplicationScoped
public class PublicationConsumer {

    private final EventReader reader;
    private final SubscriptionService subscriptions;

    public PublicationConsumer(EventReader reader, SubscriptionService subscriptions) {
        this.reader = reader;
        this.subscriptions = subscriptions;
    }

    @Incoming(Channels.PUBLICATIONS)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, PublicationChanged.class);
        return EventConsumption.untilApplied("publication event " + event.id(),
                () -> subscriptions.onPublication(event));
    }
}
