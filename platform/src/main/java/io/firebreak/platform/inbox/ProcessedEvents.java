package io.firebreak.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which events a consumer has applied, inside the consumer's own transaction: Kafka delivers at
 * least once, and a redelivered event must change nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * Whether {@code consumer} recorded {@code eventId} as applied, without recording it: for a consumer that
     * applies one event in several transactions, each idempotent, and records it ({@link #firstDelivery}) in the
     * last.
     */
    public Uni<Boolean> applied(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from processed_event where consumer = ?1 and event_id = ?2", Long.class)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
