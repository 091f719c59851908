package io.firebreak.monitoring.bucket;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
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

    /**
     * Adds a batch's mentions to each watch's open bucket, on the caller's connection and transaction: creates the
     * watches' detection rows if missing, share-locks them (in watch order, so that concurrent batches lock alike)
     * so that no bucket closes meanwhile, and adds each tally to {@code bucket}, or to the watch's first open
     * bucket when {@code bucket} is already closed.
     */
    public Uni<Void> add(SqlConnection connection, SortedMap<UUID, MentionTally> byWatch, Instant bucket) {
        if (byWatch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = byWatch.size();
        UUID[] watchIds = new UUID[size];
        Long[] volumes = new Long[size];
        Long[] negatives = new Long[size];
        Double[] sums = new Double[size];
        int i = 0;
        for (Map.Entry<UUID, MentionTally> entry : byWatch.entrySet()) {
            watchIds[i] = entry.getKey();
            volumes[i] = entry.getValue().volume();
            negatives[i] = entry.getValue().negative();
            sums[i] = entry.getValue().sentimentSum();
            i++;
        }
        OffsetDateTime start = bucket.atOffset(ZoneOffset.UTC);
        return connection.preparedQuery("""
                        insert into watch_detection (watch_id, detection_start, closed_until)
                        select id, $2, $2 from unnest($1::uuid[]) as id
                        on conflict (watch_id) do nothing""")
                .execute(Tuple.of(watchIds, start))
                .chain(() -> connection.preparedQuery("""
                                with locked as (
                                    select watch_id, closed_until from watch_detection
                                    where watch_id = any($1) order by watch_id for share)
                                insert into watch_bucket (watch_id, bucket_start, volume, negative, sentiment_sum)
                                select t.watch_id, greatest($2, locked.closed_until), t.volume, t.negative, t.sum
                                from unnest($1::uuid[], $3::bigint[], $4::bigint[], $5::float8[])
                                         as t (watch_id, volume, negative, sum)
                                join locked on locked.watch_id = t.watch_id
                                on conflict (watch_id, bucket_start) do update
                                set volume = watch_bucket.volume + excluded.volume,
                                    negative = watch_bucket.negative + excluded.negative,
                                    sentiment_sum = watch_bucket.sentiment_sum + excluded.sentiment_sum""")
                        .execute(Tuple.of(watchIds, start, volumes, negatives, sums)))
                .replaceWithVoid();
    }

    /**
     * Adds history to a watch's buckets before its first live bucket, on the caller's connection and transaction,
     * and moves its detection start back to the oldest of them so that the detector learns from them (the next
     * closing pass rebuilds it). The detection row is locked first, as a closing pass does.
     *
     * @param liveStart the watch's first live bucket, where its detection starts when nothing was imported
     * @param history   buckets starting before {@code liveStart}, each at most once
     * @return the watch's detection start now
     */
    public Uni<Instant> addHistory(SqlConnection connection, UUID watchId, Instant liveStart, List<Row> history) {
        OffsetDateTime live = liveStart.atOffset(ZoneOffset.UTC);
        Uni<Void> locked = connection.preparedQuery("""
                        insert into watch_detection (watch_id, detection_start, closed_until) values ($1, $2, $2)
                        on conflict (watch_id) do nothing""")
                .execute(Tuple.of(watchId, live))
                .chain(() -> connection.preparedQuery(
                                "select detection_start from watch_detection where watch_id = $1 for update")
                        .execute(Tuple.of(watchId)))
                .replaceWithVoid();
        if (history.isEmpty()) {
            return locked.chain(() -> detectionStart(connection, watchId));
        }
        int size = history.size();
        OffsetDateTime[] starts = new OffsetDateTime[size];
        Long[] volumes = new Long[size];
        Long[] negatives = new Long[size];
        Double[] sums = new Double[size];
        OffsetDateTime oldest = live;
        for (int i = 0; i < size; i++) {
            Row row = history.get(i);
            starts[i] = row.start().atOffset(ZoneOffset.UTC);
            volumes[i] = row.volume();
            negatives[i] = row.negative();
            sums[i] = row.sentimentSum();
            if (starts[i].isBefore(oldest)) {
                oldest = starts[i];
            }
        }
        OffsetDateTime historyStart = oldest;
        return locked
                .chain(() -> connection.preparedQuery("""
                                insert into watch_bucket (watch_id, bucket_start, volume, negative, sentiment_sum)
                                select $1, t.* from unnest($2::timestamptz[], $3::bigint[], $4::bigint[],
                                                           $5::float8[]) as t
                                on conflict (watch_id, bucket_start) do update
                                set volume = watch_bucket.volume + excluded.volume,
                                    negative = watch_bucket.negative + excluded.negative,
                                    sentiment_sum = watch_bucket.sentiment_sum + excluded.sentiment_sum""")
                        .execute(Tuple.of(watchId, starts, volumes, negatives, sums)))
                .chain(() -> connection.preparedQuery("""
                                update watch_detection set detection_start = least(detection_start, $2)
                                where watch_id = $1""")
                        .execute(Tuple.of(watchId, historyStart)))
                .chain(() -> detectionStart(connection, watchId));
    }

    private static Uni<Instant> detectionStart(SqlConnection connection, UUID watchId) {
        return connection.preparedQuery("select detection_start from watch_detection where watch_id = $1")
                .execute(Tuple.of(watchId))
                .map(rows -> rows.iterator().next().getOffsetDateTime(0).toInstant());
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
