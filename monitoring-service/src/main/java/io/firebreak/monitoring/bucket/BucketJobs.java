package io.firebreak.monitoring.bucket;

import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.platform.outbox.OutboxRelay;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Closes buckets the moment they are due ({@link BucketCloser} makes sure one replica at a time does it).
 *
 * <p>The scheduler ticks every second, too coarse for detection within a second of a bucket's close: a tick arms a
 * Vert.x timer for the next moment a bucket becomes due (its end plus the grace), once per moment, and the timer
 * runs the pass then. A tick also runs a pass itself at start and when the last one
 * failed, so that a restart or a database outage delays closing by a second, not by a bucket. A pass that changed anything nudges the outbox
 * relay, so that a signal leaves at once rather than at the relay's next tick.
 */
@ApplicationScoped
public class BucketJobs {

    private final BucketCloser closer;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration grace;
    private final AtomicReference<Instant> armedFor = new AtomicReference<>(Instant.EPOCH);
    /** Set at start (buckets may have become due while no replica ran) and after a failed pass. */
    private final AtomicBoolean catchUp = new AtomicBoolean(true);

    public BucketJobs(BucketCloser closer, OutboxRelay relay, Vertx vertx, Clock clock, MonitoringConfig config) {
        this.closer = closer;
        this.relay = relay;
        this.vertx = vertx;
        this.clock = clock;
        this.grace = config.buckets().grace();
    }

    @Scheduled(identity = "bucket-closer", every = "${monitoring.buckets.close-every:1s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        Instant now = clock.instant();
        Instant due = nextDue(now);
        if (armedFor.getAndUpdate(armed -> armed.isBefore(due) ? due : armed).isBefore(due)) {
            armAt(due);
        }
        return catchUp.get() ? pass() : Uni.createFrom().voidItem();
    }

    /** A timer that runs a pass at {@code due}; one that fired a little early (clock adjusted) is set again. */
    private void armAt(Instant due) {
        long millis = Math.max(1, Duration.between(clock.instant(), due).toMillis());
        vertx.setTimer(millis, id -> {
            if (clock.instant().isBefore(due)) {
                armAt(due);
            } else {
                onOwnContext(this::passWhenFree);
            }
        });
    }

    /** The first moment after {@code now} at which a bucket becomes due: a bucket's end plus the grace. */
    Instant nextDue(Instant now) {
        BucketGrid grid = closer.grid();
        return grid.next(grid.floor(now.minus(grace))).plus(grace);
    }

    /**
     * A pass at a due moment, retried every {@value #BUSY_RETRY_MILLIS} ms for a while when another pass holds the
     * claim: that one may have started before the moment and found nothing to close yet.
     */
    private Uni<Void> passWhenFree() {
        return closer.closeDue()
                .chain(closed -> closed < 0 ? Uni.createFrom().<Integer>failure(new ClaimBusy())
                        : Uni.createFrom().item(closed))
                .onFailure(ClaimBusy.class).retry().withBackOff(Duration.ofMillis(BUSY_RETRY_MILLIS))
                .atMost(BUSY_RETRIES)
                .onFailure(ClaimBusy.class).recoverWithItem(0)
                .invoke(this::passed)
                .onFailure().invoke(this::failed)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static final long BUSY_RETRY_MILLIS = 50;
    private static final int BUSY_RETRIES = 20;

    private static final class ClaimBusy extends RuntimeException {
        ClaimBusy() {
            super("another pass holds the bucket-closing claim", null, false, false);
        }
    }

    private void passed(int closed) {
        catchUp.set(false);
        if (closed > 0) {
            relay.relaySoon();
        }
    }

    private void failed(Throwable failure) {
        catchUp.set(true);
        Log.warnf("Closing buckets failed, will retry: %s", failure.getMessage());
    }

    private Uni<Void> pass() {
        return closer.closeDue()
                .invoke(this::passed)
                .onFailure().invoke(this::failed)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Runs {@code work} on a fresh duplicated Vert.x context, which the reactive session of the pass needs. */
    private void onOwnContext(Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        // The pass recovers from its own failures (and logs them): nothing is left to handle here.
        context.runOnContext(ignored -> work.get().subscribe().with(done -> { }));
    }
}
