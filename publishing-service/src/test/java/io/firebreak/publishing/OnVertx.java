package io.firebreak.publishing;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs a reactive service call from a test thread on its own Vert.x context, as a request would. */
public final class OnVertx {

    private OnVertx() {
    }

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().<T>emitter(emitter -> context.runOnContext(ignored ->
                        work.get().subscribe().with(emitter::complete, emitter::fail)))
                .await().atMost(Duration.ofSeconds(30));
    }
}
