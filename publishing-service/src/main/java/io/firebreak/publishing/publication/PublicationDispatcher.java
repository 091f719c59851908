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
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends due publications. Every replica runs it; each pass claims rows with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so a publication is sent by one replica only, and one whose replica died is taken over once the lease
 * expires. Claiming and recording are short transactions; the platform call happens between them, outside.
 */
@ApplicationScoped
public class PublicationDispatcher {

    private final PublicationService publications;
    private final PublishingConfig.Dispatcher config;
    private final Vertx vertx;
    /** This replica's name on its claims. */
    private final String replica = "replica-" + UUID.randomUUID();

    public PublicationDispatcher(PublicationService publications, PublishingConfig config, Vertx vertx) {
        this.publications = publications;
        this.config = config.dispatcher();
        this.vertx = vertx;
    }

    @Scheduled(identity = "publication-dispatcher", every = "${publishing.dispatcher.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        return dispatchOnce(replica)
                .onFailure().invoke(failure -> Log.warnf("Dispatch pass failed, next pass retries: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One pass as {@code replicaId}: claims a batch and sends it; the number of publications claimed. */
    public Uni<Integer> dispatchOnce(String replicaId) {
        return onOwnContext(() -> publications.claimDue(replicaId, config.batchSize()))
                .chain(claims -> claims.isEmpty() ? Uni.createFrom().item(0)
                        : Uni.join().all(claims.stream().map(claim -> send(claim, replicaId)).toList())
                                .andCollectFailures()
                                .replaceWith(claims.size()));
    }

    private Uni<Void> send(Claim claim, String replicaId) {
        // The publication id is the idempotency key: every retry of it is recognised by the platform.
        Post post = new Post(claim.publicationId().toString(), claim.parts(), claim.since());
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
