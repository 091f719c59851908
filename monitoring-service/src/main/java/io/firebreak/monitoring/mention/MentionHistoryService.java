package io.firebreak.monitoring.mention;

import io.firebreak.monitoring.bucket.BucketCloser;
import io.firebreak.monitoring.bucket.BucketGrid;
import io.firebreak.monitoring.bucket.BucketRepository;
import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.monitoring.mention.MentionDtos.HistoryReport;
import io.firebreak.monitoring.mention.MentionDtos.Rejected;
import io.firebreak.monitoring.sentiment.Language;
import io.firebreak.monitoring.sentiment.SentimentLabel;
import io.firebreak.monitoring.sentiment.SentimentResult;
import io.firebreak.monitoring.sentiment.SentimentService;
import io.firebreak.monitoring.watch.Watch;
import io.firebreak.monitoring.watch.WatchMatcher;
import io.firebreak.monitoring.watch.WatchRepository;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * History for a new watch, so that its detector does not need its warm-up of live buckets: past posts (an export of
 * the platform, or of the tool the brand used before) are scored and counted in the bucket of their publication
 * time, before the watch's first live bucket (the one it was created in; later buckets are the live pipeline's, and
 * a closed bucket never changes). Each post counts once, however often it is imported. They are not stored as
 * mentions and announce nothing: they only teach the detector what is normal.
 */
@ApplicationScoped
public class MentionHistoryService {

    private final WatchRepository watches;
    private final SentimentService sentiment;
    private final BucketRepository buckets;
    private final BucketGrid grid;
    private final Pool pool;
    private final Clock clock;
    private final MonitoringConfig config;

    public MentionHistoryService(WatchRepository watches, SentimentService sentiment, BucketRepository buckets,
                                 BucketCloser closer, Pool pool, Clock clock, MonitoringConfig config) {
        this.watches = watches;
        this.sentiment = sentiment;
        this.buckets = buckets;
        this.grid = closer.grid();
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    /** A post that counts: where it goes, and what it adds there. */
    private record Counted(String source, String externalId, Instant bucket, boolean negative, double score) {
    }

    @WithSession
    public Uni<HistoryReport> importHistory(UUID watchId, List<MentionInput> batch, List<Rejected> unreadable) {
        return watches.findById(watchId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("watch", watchId))
                .chain(watch -> importFor(watch, batch, unreadable));
    }

    private Uni<HistoryReport> importFor(Watch watch, List<MentionInput> batch, List<Rejected> unreadable) {
        Instant now = clock.instant();
        Instant liveStart = grid.floor(watch.getCreatedAt());
        Instant oldest = now.minus(config.mentions().retention());
        WatchMatcher matcher = WatchMatcher.of(watch);
        List<Rejected> rejected = new ArrayList<>(unreadable);
        Set<Integer> unreadableIndexes = new HashSet<>();
        unreadable.forEach(record -> unreadableIndexes.add(record.index()));
        Map<String, Counted> unique = new LinkedHashMap<>();
        int repeated = 0;
        int notMatching = 0;
        for (int index = 0; index < batch.size(); index++) {
            if (unreadableIndexes.contains(index)) {
                continue;
            }
            MentionInput input = batch.get(index);
            Optional<String> problem = MentionValidation.problem(input, now)
                    .or(() -> !input.publishedAt().isBefore(liveStart)
                            ? Optional.of("publishedAt is not before the watch's first live bucket " + liveStart
                                    + ": live mentions count there")
                            : Optional.empty())
                    .or(() -> input.publishedAt().isBefore(oldest)
                            ? Optional.of("publishedAt is older than the retention of mentions ("
                                    + config.mentions().retention() + ")")
                            : Optional.empty());
            if (problem.isPresent()) {
                rejected.add(new Rejected(index, input == null ? null : input.externalId(), problem.get()));
                continue;
            }
            SentimentResult result = sentiment.analyze(input.text(), Language.fromCode(input.language()).orElse(null));
            String language = input.language() != null ? input.language() : result.language().code();
            if (!matcher.matches(input.text(), language, input.source())) {
                notMatching++;
            } else if (unique.putIfAbsent(input.source() + "\u0000" + input.externalId(),
                    new Counted(input.source(), input.externalId(), grid.floor(input.publishedAt()),
                            result.label() == SentimentLabel.NEGATIVE, result.score())) != null) {
                repeated++;
            }
        }
        int repeatedInBatch = repeated;
        int notMatchingPosts = notMatching;
        List<Counted> candidates = List.copyOf(unique.values());
        return pool.withTransaction(connection -> firstImports(connection, watch.getId(), candidates)
                .chain(fresh -> buckets.addHistory(connection, watch.getId(), liveStart, byBucket(fresh))
                        .map(detectionStart -> {
                            int duplicates = repeatedInBatch + candidates.size() - fresh.size();
                            Log.infof("History of watch %s: %d posts counted, %d duplicates, %d not matching,"
                                    + " %d rejected; detection starts at %s", watch.getId(), fresh.size(),
                                    duplicates, notMatchingPosts, rejected.size(), detectionStart);
                            rejected.sort(Comparator.comparingInt(Rejected::index));
                            return new HistoryReport(fresh.size(), duplicates, notMatchingPosts,
                                    List.copyOf(rejected), detectionStart, liveStart);
                        })));
    }

    /** The posts not imported for this watch before, now remembered. */
    private static Uni<List<Counted>> firstImports(SqlConnection connection, UUID watchId, List<Counted> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] sources = candidates.stream().map(Counted::source).toArray(String[]::new);
        String[] externalIds = candidates.stream().map(Counted::externalId).toArray(String[]::new);
        return connection.preparedQuery("""
                        insert into watch_history_mention (watch_id, source, external_id)
                        select $1, t.* from unnest($2::varchar[], $3::varchar[]) as t
                        on conflict do nothing returning source, external_id""")
                .execute(Tuple.of(watchId, sources, externalIds))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getString(0) + "\u0000" + row.getString(1));
                    }
                    return candidates.stream()
                            .filter(post -> fresh.contains(post.source() + "\u0000" + post.externalId()))
                            .toList();
                });
    }

    private static List<BucketRepository.Row> byBucket(List<Counted> posts) {
        Map<Instant, BucketRepository.Row> rows = new TreeMap<>();
        for (Counted post : posts) {
            rows.merge(post.bucket(), new BucketRepository.Row(post.bucket(), 1, post.negative() ? 1 : 0, post.score()),
                    (a, b) -> new BucketRepository.Row(a.start(), a.volume() + b.volume(), a.negative() + b.negative(),
                            a.sentimentSum() + b.sentimentSum()));
        }
        return List.copyOf(rows.values());
    }
}
