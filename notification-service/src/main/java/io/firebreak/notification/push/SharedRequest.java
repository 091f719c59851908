package io.firebreak.notification.push;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One request under way at a time, shared by everyone who asks for it while it is: the request is made (its
 * supplier called) only when nobody is already waiting for one, and made again once it has ended.
 */
final class SharedRequest<T> {

    private final Supplier<Uni<T>> request;
    private final AtomicReference<Uni<T>> pending = new AtomicReference<>();

    SharedRequest(Supplier<Uni<T>> request) {
        this.request = request;
    }

    Uni<T> get() {
        Uni<T> current = pending.get();
        if (current != null) {
            return current;
        }
        // Deferred: building the request may itself cost (a token request signs an assertion), and only the
        // caller that wins the race below is to pay for it.
        Uni<T> fresh = Uni.createFrom().<T>deferred(request::get)
                .onTermination().invoke(() -> pending.set(null))
                .memoize().indefinitely();
        if (pending.compareAndSet(null, fresh)) {
            return fresh;
        }
        Uni<T> other = pending.get();
        return other != null ? other : fresh;
    }
}
