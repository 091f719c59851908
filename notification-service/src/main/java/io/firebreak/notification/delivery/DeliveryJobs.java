package io.firebreak.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Attempts due deliveries; every replica runs it, and each delivery is claimed by exactly one of them. A pass
 * runs on the scheduler's tick, and at once when deliveries were just queued ({@link #soon}), here or on another
 * replica (told through PostgreSQL's LISTEN/NOTIFY): a crisis' first alerts then go out from every replica without
 * waiting for the tick. One pass at a time per replica; one asked for while another runs starts when it ends.
 */
@ApplicationScoped
public class DeliveryJobs {

    /** The PostgreSQL notification channel on which a replica that queued deliveries tells the others. */
    static final String CHANNEL = "firebreak_deliveries_queued";
    private static final Duration RELISTEN_AFTER = Duration.ofSeconds(5);

    private final DeliveryService deliveries;
    private final Vertx vertx;
    private final Pool pool;
    /** Sent with this replica's notifications, so that it does not answer its own. */
    private final String replica = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    public DeliveryJobs(DeliveryService deliveries, Vertx vertx, Pool pool) {
        this.deliveries = deliveries;
        this.vertx = vertx;
        this.pool = pool;
    }

    void listen(@Observes StartupEvent start) {
        listen();
    }

    /**
     * Holds one connection of the pool listening on {@link #CHANNEL}, and takes another when it is lost. Without
     * it the other replicas still find the deliveries at their next tick.
     */
    private void listen() {
        pool.getConnection().subscribe().with(connection -> {
            PgConnection listener = PgConnection.cast(connection);
            listener.notificationHandler(notification -> {
                if (!replica.equals(notification.getPayload())) {
                    passSoon();
                }
            });
            listener.query("LISTEN " + CHANNEL).execute().subscribe().with(listening -> {
                listener.closeHandler(() -> relisten("connection closed"));
                Log.debugf("Listening on %s for deliveries queued by other replicas", CHANNEL);
            }, failure -> {
                connection.close().subscribe().with(closed -> { }, ignored -> { });
                relisten(failure.getMessage());
            });
        }, failure -> relisten(failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    private void relisten(String why) {
        if (stopping) {
            return;
        }
        Log.warnf("Not told of deliveries other replicas queue (%s): found at each tick until listening again", why);
        vertx.setTimer(RELISTEN_AFTER.toMillis(), timer -> listen());
    }

    @Scheduled(identity = "deliveries", every = "${notification.delivery.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return running.compareAndSet(false, true) ? pass() : Uni.createFrom().voidItem();
    }

    /**
     * Deliveries were just committed: a pass now, on a Vert.x context of its own, or right after the running one;
     * and the other replicas told, so that they take their share at once.
     */
    public void soon() {
        passSoon();
        pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, replica)).subscribe().with(
                notified -> { }, failure -> Log.debugf("Other replicas not told of queued deliveries: %s",
                        failure.getMessage()));
    }

    private void passSoon() {
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
