package io.firebreak.playbook.review;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.DeliveryChanged;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps what notification-service reports about a crisis' notifications, for its timeline and review. */
@ApplicationScoped
public class DeliveryService {

    private static final String CONSUMER = "crisis-deliveries";

    private final CrisisDeliveryRepository deliveries;
    private final ProcessedEvents processedEvents;

    public DeliveryService(CrisisDeliveryRepository deliveries, ProcessedEvents processedEvents) {
        this.deliveries = deliveries;
        this.processedEvents = processedEvents;
    }

    /** Each event is kept once, however often it is delivered; notifications outside a crisis are not ours. */
    @WithTransaction
    public Uni<Void> record(CloudEvent<DeliveryChanged> event) {
        DeliveryChanged delivery = event.data();
        if (delivery.crisisId() == null) {
            return Uni.createFrom().voidItem();
        }
        return processedEvents.firstDelivery(CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            Log.debugf("Crisis %s: notification %s to %s is %s on %s", delivery.crisisId(),
                    delivery.notificationId(), delivery.recipient(), delivery.state(), delivery.channel());
            return deliveries.persist(CrisisDelivery.of(event.id(), delivery.crisisId(), delivery.notificationId(),
                    delivery.recipient(), delivery.channel(), delivery.state(), delivery.error(),
                    delivery.changedAt())).replaceWithVoid();
        });
    }
}
