package io.firebreak.monitoring.mention;

import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionScored;
import io.firebreak.events.Topics;
import io.firebreak.monitoring.bucket.BucketService;
import io.firebreak.monitoring.bucket.MentionTally;
import io.firebreak.monitoring.messaging.BatchOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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

/**
 * Stores a batch of scored mentions in one transaction and a handful of statements, whatever its size: the mentions
 * inserted unless their source and external id are already stored, their rows in each matched watch's inbox, their
 * {@code mention.scored} events and any dead letters in the outbox, and their counts in the watches' open buckets.
 *
 * <p>Idempotent without remembering event ids: a redelivered event (or the same post sent again under a new event
 * id) finds its source and external id stored, so it is not inserted, announced or counted again. That spares a
 * {@code processed_event} row per mention, which at tens of thousands of mentions a second would be most of the
 * writes and a table growing without end.
 */
@ApplicationScoped
public class MentionWriter {

    private final Pool pool;
    private final BatchOutbox outbox;
    private final BucketService buckets;

    public MentionWriter(Pool pool, BatchOutbox outbox, BucketService buckets) {
        this.pool = pool;
        this.outbox = outbox;
        this.buckets = buckets;
    }

    /**
     * @param batch        scored mentions, at most one per source and external id
     * @param deadLetters  outbox rows for records that could not be read, committed with the batch
     * @return the mentions stored now, in batch order: not those already stored
     */
    public Uni<List<Mention>> write(List<Mention> batch, List<BatchOutbox.Row> deadLetters, Instant receivedAt) {
        return pool.withTransaction(connection -> insertMentions(connection, batch, receivedAt)
                .call(stored -> indexByWatch(connection, stored))
                .call(stored -> outbox.append(connection, outboxRows(stored, deadLetters)))
                .call(stored -> buckets.record(connection, tallies(stored), receivedAt)));
    }

    /** Inserts the mentions; those whose source and external id are already stored are left out. */
    private static Uni<List<Mention>> insertMentions(SqlConnection connection, List<Mention> mentions,
                                                     Instant receivedAt) {
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
        for (int i = 0; i < size; i++) {
            Mention mention = mentions.get(i);
            ids[i] = mention.getId();
            sources[i] = mention.getSource();
            externalIds[i] = mention.getExternalId();
            authors[i] = mention.getAuthor();
            texts[i] = mention.getText();
            languages[i] = mention.getLanguage();
            urls[i] = mention.getUrl();
            published[i] = mention.getPublishedAt().atOffset(ZoneOffset.UTC);
            reaches[i] = mention.getReach();
            engagements[i] = mention.getEngagement();
            labels[i] = mention.getSentimentLabel();
            scores[i] = mention.getSentimentScore();
            watchIds[i] = String.join(",", mention.getWatchIds().stream().map(UUID::toString).toList());
            questions[i] = mention.isQuestion();
        }
        Tuple arguments = Tuple.tuple(List.of(ids, sources, externalIds, authors, texts, languages, urls, published,
                reaches, engagements, labels, scores, watchIds, questions, receivedAt.atOffset(ZoneOffset.UTC)));
        return connection.preparedQuery("""
                        insert into mention (id, source, external_id, author, text, language, url, published_at,
                                             reach, engagement, sentiment_label, sentiment_score, watch_ids,
                                             question, received_at)
                        select m.*, $15 from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[],
                                                    $5::varchar[], $6::varchar[], $7::varchar[], $8::timestamptz[],
                                                    $9::bigint[], $10::bigint[], $11::varchar[], $12::float8[],
                                                    $13::varchar[], $14::boolean[]) as m
                        on conflict (source, external_id) do nothing returning id""")
                .execute(arguments)
                .map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getUUID(0));
                    }
                    return mentions.stream().filter(mention -> inserted.contains(mention.getId())).toList();
                });
    }

    /** One inbox row per mention and watch it matched, with its priority rank. */
    private static Uni<Void> indexByWatch(SqlConnection connection, List<Mention> stored) {
        List<UUID> watchIds = new ArrayList<>();
        List<UUID> mentionIds = new ArrayList<>();
        List<OffsetDateTime> published = new ArrayList<>();
        List<Double> ranks = new ArrayList<>();
        for (Mention mention : stored) {
            double rank = MentionPriority.rank(mention.intrinsicPriority(), mention.getPublishedAt());
            for (UUID watchId : mention.getWatchIds()) {
                watchIds.add(watchId);
                mentionIds.add(mention.getId());
                published.add(mention.getPublishedAt().atOffset(ZoneOffset.UTC));
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

    private List<BatchOutbox.Row> outboxRows(List<Mention> stored, List<BatchOutbox.Row> deadLetters) {
        List<BatchOutbox.Row> rows = new ArrayList<>(stored.size() + deadLetters.size());
        for (Mention mention : stored) {
            List<UUID> watchIds = mention.getWatchIds();
            // Keyed by watch, so that one watch's mentions stay in order on one partition.
            String key = watchIds.isEmpty() ? mention.getId().toString() : watchIds.get(0).toString();
            rows.add(outbox.event(Topics.MENTIONS_SCORED, EventTypes.MENTION_SCORED, key, scored(mention)));
        }
        rows.addAll(deadLetters);
        return rows;
    }

    private static SortedMap<UUID, MentionTally> tallies(List<Mention> stored) {
        SortedMap<UUID, MentionTally> byWatch = new TreeMap<>();
        for (Mention mention : stored) {
            MentionTally tally = MentionTally.of("negative".equals(mention.getSentimentLabel()),
                    mention.getSentimentScore());
            mention.getWatchIds().forEach(watchId -> byWatch.merge(watchId, tally, MentionTally::plus));
        }
        return byWatch;
    }

    private static MentionScored scored(Mention mention) {
        return new MentionScored(mention.getId(), mention.getSource(), mention.getExternalId(), mention.getAuthor(),
                mention.getText(), mention.getUrl(), mention.getPublishedAt(), mention.getLanguage(),
                mention.getSentimentLabel(), mention.getSentimentScore(), mention.getWatchIds());
    }
}
