package io.firebreak.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Attempts due deliveries; every replica runs it, and each delivery is claimed by exactly one of them. A pass
 * runs on the scheduler's tick, and at once when deliveries were just queued here ({@link #soon}): a crisis' first
 * alerts then go out without waiting for the tick. One pass at a time per replica; one asked for while another
 * runs starts when it ends.
 */
@ApplicationScoped
public class DeliveryJobs {

    private final DeliveryService deliveries;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public DeliveryJobs(DeliveryService deliveries, Vertx vertx) {
        this.deliveries = deliveries;
        this.vertx = vertx;
    }

    @Scheduled(identity = "deliveries", every = "${notification.delivery.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return running.compareAndSet(false, true) ? pass() : Uni.createFrom().voidItem();
    }

    /** Deliveries were just committed: a pass now, on a Vert.x context of its own, or right after the running one. */
    public void soon() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            context.runOnContext(ignored -> pass().subscribe().with(done -> { },
                    failure -> Log.errorf(failure, "Delivery pass stopped")));
        }
    }

    /** Passes while asked for; the caller holds {@link #running}, released here. */
    private Uni<Void> pass() {
        again.set(false);
        return Uni.createFrom().deferred(deliveries::deliverDue)
                .invoke(count -> {
                    if (count > 0) {
                        Log.debugf("Attempted %d deliveries", count);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Delivery pass failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .chain(ignored -> {
                    if (again.get()) {
                        return pass();
                    }
                    running.set(false);
                    // Asked for between the check and the release: that request found the pass still running.
                    return again.get() && running.compareAndSet(false, true) ? pass() : Uni.createFrom().voidItem();
                });
    }
}
