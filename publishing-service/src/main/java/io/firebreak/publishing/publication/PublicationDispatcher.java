package io.firebreak.publishing.publication;

import io.firebreak.publishing.adapter.PlatformAdapter.Post;
import io.firebreak.publishing.adapter.PlatformAdapter.Published;
import io.firebreak.publishing.config.PublishingConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends due publications. Every replica runs it; each pass claims rows with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so a publication is sent by one replica only, and one whose replica died is taken over once the lease
 * expires. Claiming and recording are short transactions; the platform call happens between them, outside.
 *
 * <p>A pass also reserves what falls due before the next pass ({@code lookahead}) and, on a Vert.x timer, claims
 * and sends each at its due time, never before: without it a post due just after a pass would wait for the next
 * tick (half the lateness, the scheduler ticking at most once a second).
 */
@ApplicationScoped
public class PublicationDispatcher {

    private final PublicationService publications;
    private final PublishingConfig.Dispatcher config;
    private final Vertx vertx;
    private final Clock clock;
    /** This replica's name on its claims. */
    private final String replica = "replica-" + UUID.randomUUID();

    public PublicationDispatcher(PublicationService publications, PublishingConfig config, Vertx vertx, Clock clock) {
        this.publications = publications;
        this.config = config.dispatcher();
        this.vertx = vertx;
        this.clock = clock;
    }

    @Scheduled(identity = "publication-dispatcher", every = "${publishing.dispatcher.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        // The pass ends with the sends due now; the reserved ones go out on their timers, so that a pass waiting
        // for them never makes the scheduler skip the next tick.
        return pass(replica, config.lookahead())
                .chain(pass -> {
                    pass.later().subscribe().with(sent -> { }, failure -> Log.warnf(
                            "Reserved publications of %s failed, their reservations expire and are taken over: %s",
                            replica, failure.getMessage()));
                    return pass.now();
                })
                .onFailure().invoke(failure -> Log.warnf("Dispatch pass failed, next pass retries: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass as {@code replicaId}, sends included: the number of publications claimed or reserved. */
    public Uni<Integer> dispatchOnce(String replicaId) {
        return dispatchOnce(replicaId, Duration.ZERO);
    }

    /**
     * One pass as {@code replicaId} that also reserves what falls due within {@code lookahead}; completes when
     * every publication it took was sent at its due time (or found cancelled or held by then).
     */
    public Uni<Integer> dispatchOnce(String replicaId, Duration lookahead) {
        return pass(replicaId, lookahead).chain(pass -> Uni.join().all(pass.now(), pass.later())
                .andCollectFailures().replaceWith(pass.taken()));
    }

    /**
     * What a pass took: {@code now}, the sends of what was due, and {@code later}, the reserved ones, each at its
     * due time (both lazy: nothing goes out until subscribed).
     */
    record Pass(List<UUID> claimed, List<UUID> reserved, Uni<Void> now, Uni<Void> later) {

        int taken() {
            return claimed.size() + reserved.size();
        }
    }

    Uni<Pass> pass(String replicaId, Duration lookahead) {
        return onOwnContext(() -> publications.claimDue(replicaId, config.batchSize(), lookahead))
                .map(due -> new Pass(due.claims().stream().map(Claim::publicationId).toList(),
                        due.reserved().stream().map(Reservation::publicationId).toList(),
                        all(due.claims().stream().map(claim -> send(claim, replicaId)).toList()),
                        all(due.reserved().stream().map(reserved -> atDueTime(reserved, replicaId)).toList())));
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }

    /** Waits for the due time, then claims the reservation (cancelled or held by then: nothing) and sends it. */
    private Uni<Void> atDueTime(Reservation reservation, String replicaId) {
        return until(reservation.dueAt())
                .chain(() -> onOwnContext(() -> publications.claimReserved(reservation, replicaId)))
                .chain(claim -> claim.map(c -> send(c, replicaId)).orElseGet(() -> Uni.createFrom().voidItem()));
    }

    /**
     * Completes once the clock reached {@code instant}, on a Vert.x timer (no thread waits); a timer that fired a
     * little early is set again, so that nothing goes out before its time.
     */
    private Uni<Void> until(Instant instant) {
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            if (!now.isBefore(instant)) {
                return Uni.createFrom().voidItem();
            }
            long millis = Math.max(1, Duration.between(now, instant).toMillis());
            return Uni.createFrom().<Void>emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)))
                    .chain(() -> until(instant));
        });
    }

    private Uni<Void> send(Claim claim, String replicaId) {
        // The publication id is the idempotency key: every retry of it is recognised by the platform.
        Post post = new Post(claim.publicationId().toString(), claim.parts(), claim.since(), claim.replyTo());
        Log.debugf("Publication %s: attempt %d by %s", claim.publicationId(), claim.attempt(), replicaId);
        Uni<Published> attempt = claim.lookUpFirst() ? lookUpThenPublish(claim, post)
                : Uni.createFrom().deferred(() -> claim.adapter().publish(claim.access(), post));
        return onOwnContext(() -> attempt.onItemOrFailure().transformToUni((published, failure) ->
                publications.recordOutcome(claim, replicaId, published, failure)));
    }

    /**
     * An earlier send may have gone out unanswered: the post is looked up on the platform first, and sent only when
     * it is not there. A thread found in part is left to a person rather than repeated.
     */
    private Uni<Published> lookUpThenPublish(Claim claim, Post post) {
        return Uni.createFrom().deferred(() -> claim.adapter().lookUp(claim.access(), post, claim.since()))
                .onFailure().transform(LookupFailed::of)
                .chain(lookup -> switch (lookup.outcome()) {
                    case FOUND -> {
                        Log.infof("Publication %s was out after all, as %s: not sent again", claim.publicationId(),
                                lookup.first().externalId());
                        yield Uni.createFrom().item(lookup.first());
                    }
                    case ABSENT -> {
                        Log.infof("Publication %s is not on %s: sending it", claim.publicationId(),
                                claim.adapter().platform());
                        yield Uni.createFrom().deferred(() -> claim.adapter().publish(claim.access(), post));
                    }
                    case PARTIAL -> Uni.createFrom().failure(LookupFailed.partialThread());
                });
    }

    /**
     * Runs {@code work} on a fresh duplicated Vert.x context: each has its own reactive session, so concurrent
     * sends never share one, and tests can call the dispatcher from a plain thread.
     */
    private <T> Uni<T> onOwnContext(Supplier<Uni<? extends T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                Uni.createFrom().<T>deferred(work).subscribe().with(emitter::complete, emitter::fail)));
    }
}
