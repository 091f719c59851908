package io.firebreak.monitoring.bucket;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code watch_bucket} and {@code watch_detection} tables, in SQL: upserts and range reads. */
@ApplicationScoped
public class BucketRepository {

    /** Any constant shared by the replicas of this service, distinct from the outbox relay's. */
    private static final long CLOSING_LOCK = 0x6275636b657473L;

    /** One stored bucket (only buckets with mentions are stored). */
    public record Row(Instant start, long volume, long negative, double sentimentSum) {
    }

    /** Creates the watch's detection row if it has none, starting at {@code start}; otherwise changes nothing. */
    public Uni<Void> ensureDetection(UUID watchId, Instant start) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into watch_detection (watch_id, detection_start, closed_until)
                        values (?1, ?2, ?2) on conflict (watch_id) do nothing""")
                .setParameter(1, watchId)
                .setParameter(2, start)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The watch's detection row, locked: {@code PESSIMISTIC_READ} (ingestion: buckets may be added but not closed
     * meanwhile) or {@code PESSIMISTIC_WRITE} (closing: no bucket changes meanwhile).
     */
    public Uni<WatchDetection> detection(UUID watchId, LockModeType lock) {
        return Panache.getSession().chain(session -> session.find(WatchDetection.class, watchId, lock));
    }

    public Uni<WatchDetection> detection(UUID watchId) {
        return Panache.getSession().chain(session -> session.find(WatchDetection.class, watchId));
    }

    /** Adds mentions to a bucket, creating it when it is the first. */
    public Uni<Void> add(UUID watchId, Instant bucketStart, long volume, long negative, double sentimentSum) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into watch_bucket (watch_id, bucket_start, volume, negative, sentiment_sum)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (watch_id, bucket_start) do update
                        set volume = watch_bucket.volume + excluded.volume,
                            negative = watch_bucket.negative + excluded.negative,
                            sentiment_sum = watch_bucket.sentiment_sum + excluded.sentiment_sum""")
                .setParameter(1, watchId)
                .setParameter(2, bucketStart)
                .setParameter(3, volume)
                .setParameter(4, negative)
                .setParameter(5, sentimentSum)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The watch's stored buckets starting in [from, to), oldest first. */
    public Uni<List<Row>> between(UUID watchId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select cast(extract(epoch from bucket_start) * 1000 as bigint), volume, negative, sentiment_sum
                        from watch_bucket
                        where watch_id = ?1 and bucket_start >= ?2 and bucket_start < ?3
                        order by bucket_start""", Object[].class)
                .setParameter(1, watchId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Row(Instant.ofEpochMilli(((Number) row[0]).longValue()),
                                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                                ((Number) row[3]).doubleValue()))
                        .toList());
    }

    /** Takes this pass's claim on closing buckets: false when another replica is closing them now. */
    public Uni<Boolean> claimClosing() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)", Boolean.class)
                .setParameter(1, CLOSING_LOCK)
                .getSingleResult());
    }
}
