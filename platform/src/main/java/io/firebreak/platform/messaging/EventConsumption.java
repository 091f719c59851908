package io.firebreak.platform.messaging;

import io.firebreak.platform.messaging.EventReader.MalformedEventException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How every consumer applies an event: a transient failure (database or broker down) is retried with
 * back-off for as long as it takes, holding the partition so nothing is skipped or reordered; a malformed
 * record is not retried and goes to the channel's dead-letter topic.
 */
public final class EventConsumption {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private EventConsumption() {
    }

    public static Uni<Void> untilApplied(String what, Supplier<Uni<? extends Void>> apply) {
        // The back-off resubscribes from Mutiny's timer thread; each attempt goes back to the consumer's own Vert.x
        // context, without which Hibernate Reactive (@WithTransaction) refuses to run and every retry would fail.
        Context context = Vertx.currentContext();
        return Uni.createFrom().<Void>deferred(() -> onContext(context, apply))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .invoke(failure -> Log.warnf("Applying %s failed, retrying: %s", what, failure.getMessage()))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }

    private static Uni<Void> onContext(Context context, Supplier<Uni<? extends Void>> apply) {
        if (context == null || Vertx.currentContext() == context) {
            return Uni.createFrom().deferred(apply);
        }
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                Uni.createFrom().<Void>deferred(apply).subscribe().with(emitter::complete, emitter::fail)));
    }
}
