package io.firebreak.notification;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Bulk reads by key ({@code where id in ?1}) a few thousand keys at a time, one query after the other in the
 * caller's session: a crisis may concern tens of thousands of people, more than one statement's parameters.
 */
public final class Chunked {

    public static final int KEYS_PER_QUERY = 5_000;

    private Chunked() {
    }

    public static <K, T> Uni<List<T>> list(List<K> keys, Function<List<K>, Uni<List<T>>> query) {
        List<T> all = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<K> chunk = keys.subList(from, Math.min(from + KEYS_PER_QUERY, keys.size()));
            chain = chain.chain(() -> query.apply(chunk).invoke(all::addAll).replaceWithVoid());
        }
        return chain.replaceWith(all);
    }
}
