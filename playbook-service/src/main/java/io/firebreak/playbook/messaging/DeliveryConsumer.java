package io.firebreak.playbook.messaging;

import io.firebreak.events.DeliveryChanged;
import io.firebreak.platform.messaging.EventConsumption;
import io.firebreak.platform.messaging.EventReader;
import io.firebreak.playbook.review.DeliveryService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code notification.deliveries.v1} → who was reached on a crisis, how, and when they acknowledged. */
@ApplicationScoped
public class DeliveryConsumer {

    private final EventReader reader;
    private final DeliveryService deliveries;

    public DeliveryConsumer(EventReader reader, DeliveryService deliveries) {
        this.reader = reader;
        this.deliveries = deliveries;
    }

    @Incoming(Channels.DELIVERIES)
    public Uni<Void> consume(String value) {
        var event = reader.read(value, DeliveryChanged.class);
        return EventConsumption.untilApplied("delivery event " + event.id(), () -> deliveries.record(event));
    }
}
