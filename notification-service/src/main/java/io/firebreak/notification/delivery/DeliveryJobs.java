package io.firebreak.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Attempts due deliveries; every replica runs it, and each delivery is claimed by exactly one of them. */
@ApplicationScoped
public class DeliveryJobs {

    private final DeliveryService deliveries;

    public DeliveryJobs(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(identity = "deliveries", every = "${notification.delivery.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return deliveries.deliverDue()
                .invoke(count -> {
                    if (count > 0) {
                        Log.debugf("Attempted %d deliveries", count);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Delivery pass failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
