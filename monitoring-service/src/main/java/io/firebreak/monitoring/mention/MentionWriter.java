package io.firebreak.monitoring.mention;

import io.firebreak.events.MentionScored;
import io.firebreak.monitoring.bucket.BucketService;
import io.firebreak.monitoring.bucket.MentionTally;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores a batch of scored mentions in one transaction and a handful of statements, whatever its size: the mentions
 * inserted unless their source and external id are already stored, their rows in each matched watch's inbox, any
 * dead letters in the outbox, and their counts in the watches' open buckets. Their {@code mention.scored} events are
 * returned, for {@code ScoredMentionPublisher} to send once this has committed.
 *
 * <p>Idempotent without remembering event ids: a redelivered event (or the same post sent again under a new event
 * id) finds its source and external id stored, so it is not inserted or counted again. That spares a
 * {@code processed_event} row per mention, which at tens of thousands of mentions a second would be most of the
 * writes and a table growing without end. Its event is returned again, as stored and under the same id: the first
 * attempt may have committed and then failed to send it.
 */
@ApplicationScoped
public class MentionWriter {

    /** The unique key of a post, by source and external id (V3). */
    private static final String POST_KEY = "mention_source_external_id";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;
    private final Outbox outbox;
    private final BucketService buckets;
    /**
     * Whether the last batch was all new posts: the next one is then inserted as it is, without {@code ON CONFLICT}.
     * A post arrives once in the steady state, and skipping the stored ones costs PostgreSQL a second descent of the
     * post key and a speculative insertion for every mention, measured at 15 % of its time per mention. A batch that
     * meets a stored post fails on the key and is written again skipping them, and so are the batches after it until
     * one stores all it carries (a redelivery after a restart, a connector catching up, come in runs).
     */
    private final AtomicBoolean lastBatchAllNew = new AtomicBoolean(true);

    public MentionWriter(Pool pool, Outbox outbox, BucketService buckets) {
        this.pool = pool;
        this.outbox = outbox;
        this.buckets = buckets;
    }

    /**
     * What a batch changed: the mentions stored now, in batch order, and the events announcing every mention of the
     * batch, those stored now and those found already stored.
     */
    public record Written(List<ScoredMention> stored, List<MentionScored> announcements) {
    }

    /**
     * @param batch        scored mentions, at most one per source and external id
     * @param deadLetters  outbox rows for records that could not be read, committed with the batch
     */
    public Uni<Written> write(List<ScoredMention> batch, List<Outbox.Row> deadLetters, Instant receivedAt) {
        if (lastBatchAllNew.get()) {
            return write(batch, deadLetters, receivedAt, false)
                    .onFailure(MentionWriter::isStoredPost).recoverWithUni(() -> {
                        lastBatchAllNew.set(false);
                        return write(batch, deadLetters, receivedAt, true);
                    });
        }
        return write(batch, deadLetters, receivedAt, true)
                .invoke(written -> lastBatchAllNew.set(written.stored().size() == batch.size()));
    }

    private Uni<Written> write(List<ScoredMention> batch, List<Outbox.Row> deadLetters, Instant receivedAt,
                               boolean skipStored) {
        return pool.withTransaction(connection -> insertMentions(connection, batch, receivedAt, skipStored)
                .call(stored -> indexByWatch(connection, stored))
                .call(stored -> outbox.appendAll(connection, deadLetters))
                .call(stored -> buckets.record(connection, tallies(stored), receivedAt))
                .chain(stored -> storedBefore(connection, batch, stored)
                        .map(earlier -> new Written(stored, announcements(stored, earlier)))));
    }

    private static boolean isStoredPost(Throwable failure) {
        return failure instanceof PgException database && UNIQUE_VIOLATION.equals(database.getSqlState())
                && POST_KEY.equals(database.getConstraint());
    }

    /**
     * Inserts the mentions. With {@code skipStored}, those whose source and external id are already stored are left
     * out; without, one such fails the statement on the post key.
     */
    private static Uni<List<ScoredMention>> insertMentions(SqlConnection connection, List<ScoredMention> mentions,
                                                           Instant receivedAt, boolean skipStored) {
        if (mentions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int size = mentions.size();
        UUID[] ids = new UUID[size];
        String[] sources = new String[size];
        String[] externalIds = new String[size];
        String[] authors = new String[size];
        String[] texts = new String[size];
        String[] languages = new String[size];
        String[] urls = new String[size];
        OffsetDateTime[] published = new OffsetDateTime[size];
        Long[] reaches = new Long[size];
        Long[] engagements = new Long[size];
        String[] labels = new String[size];
        Double[] scores = new Double[size];
        String[] watchIds = new String[size];
        Boolean[] questions = new Boolean[size];
        Double[] ranks = new Double[size];
        for (int i = 0; i < size; i++) {
            ScoredMention mention = mentions.get(i);
            MentionInput post = mention.post();
            ids[i] = mention.id();
            sources[i] = post.source();
            externalIds[i] = post.externalId();
            authors[i] = post.author();
            texts[i] = post.text();
            languages[i] = mention.language();
            urls[i] = post.url();
            published[i] = post.publishedAt().atOffset(ZoneOffset.UTC);
            reaches[i] = post.reach();
            engagements[i] = post.engagement();
            labels[i] = mention.sentimentLabel();
            scores[i] = mention.sentimentScore();
            watchIds[i] = Mention.watchIdsColumn(mention.watchIds());
            questions[i] = mention.question();
            ranks[i] = mention.watchIds().isEmpty() ? null : mention.priorityRank();
        }
        Tuple arguments = Tuple.tuple(List.of(ids, sources, externalIds, authors, texts, languages, urls, published,
                reaches, engagements, labels, scores, watchIds, questions, ranks, receivedAt.atOffset(ZoneOffset.UTC)));
        String insert = """
                insert into mention (id, source, external_id, author, text, language, url, published_at, reach,
                                     engagement, sentiment_label, sentiment_score, watch_ids, question,
                                     priority_rank, received_at)
                select m.*, $16 from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
                                            $6::varchar[], $7::varchar[], $8::timestamptz[], $9::bigint[],
                                            $10::bigint[], $11::varchar[], $12::float8[], $13::varchar[],
                                            $14::boolean[], $15::float8[]) as m""";
        if (!skipStored) {
            return connection.preparedQuery(insert).execute(arguments).replaceWith(mentions);
        }
        return connection.preparedQuery(insert + " on conflict (source, external_id) do nothing returning id")
                .execute(arguments)
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getUUID(0));
                    }
                    return mentions.stream().filter(mention -> inserted.contains(mention.id())).toList();
                });
    }

    /** One inbox row per mention and watch it matched, with its priority rank (the mention's, as stored with it). */
    private static Uni<Void> indexByWatch(SqlConnection connection, List<ScoredMention> stored) {
        List<UUID> watchIds = new ArrayList<>();
        List<UUID> mentionIds = new ArrayList<>();
        List<OffsetDateTime> published = new ArrayList<>();
        List<Double> ranks = new ArrayList<>();
        for (ScoredMention mention : stored) {
            double rank = mention.priorityRank();
            for (UUID watchId : mention.watchIds()) {
                watchIds.add(watchId);
                mentionIds.add(mention.id());
                published.add(mention.post().publishedAt().atOffset(ZoneOffset.UTC));
                ranks.add(rank);
            }
        }
        if (watchIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        insert into mention_watch (watch_id, mention_id, published_at, priority_rank)
                        select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::float8[])""")
                .execute(Tuple.of(watchIds.toArray(UUID[]::new), mentionIds.toArray(UUID[]::new),
                        published.toArray(OffsetDateTime[]::new), ranks.toArray(Double[]::new)))
                .replaceWithVoid();
    }

    /** The events of the batch's mentions that were already stored, read back as stored. */
    private static Uni<List<MentionScored>> storedBefore(SqlConnection connection, List<ScoredMention> batch,
                                                         List<ScoredMention> stored) {
        if (stored.size() == batch.size()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> storedNow = new HashSet<>();
        stored.forEach(mention -> storedNow.add(mention.id()));
        List<String> sources = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        for (ScoredMention mention : batch) {
            if (!storedNow.contains(mention.id())) {
                sources.add(mention.post().source());
                externalIds.add(mention.post().externalId());
            }
        }
        return connection.preparedQuery("""
                        select m.id, m.source, m.external_id, m.author, m.text, m.url, m.published_at, m.language,
                               m.sentiment_label, m.sentiment_score, m.watch_ids
                        from mention m
                        join unnest($1::varchar[], $2::varchar[]) as k(source, external_id)
                          on m.source = k.source and m.external_id = k.external_id""")
                .execute(Tuple.of(sources.toArray(String[]::new), externalIds.toArray(String[]::new)))
                .map(rows -> {
                    List<MentionScored> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new MentionScored(row.getUUID("id"), row.getString("source"),
                                row.getString("external_id"), row.getString("author"), row.getString("text"),
                                row.getString("url"), row.getOffsetDateTime("published_at").toInstant(),
                                row.getString("language"), row.getString("sentiment_label"),
                                row.getDouble("sentiment_score"), Mention.watchIds(row.getString("watch_ids"))));
                    }
                    return events;
                });
    }

    private static List<MentionScored> announcements(List<ScoredMention> stored, List<MentionScored> earlier) {
        List<MentionScored> events = new ArrayList<>(stored.size() + earlier.size());
        stored.forEach(mention -> events.add(mention.event()));
        events.addAll(earlier);
        return events;
    }

    private static SortedMap<UUID, MentionTally> tallies(List<ScoredMention> stored) {
        SortedMap<UUID, MentionTally> byWatch = new TreeMap<>();
        for (ScoredMention mention : stored) {
            MentionTally tally = MentionTally.of(mention.negative(), mention.sentimentScore());
            mention.watchIds().forEach(watchId -> byWatch.merge(watchId, tally, MentionTally::plus));
        }
        return byWatch;
    }
}
