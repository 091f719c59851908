package io.firebreak.monitoring.mention;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.EventTypes;
import io.firebreak.events.MentionReceived;
import io.firebreak.events.MentionScored;
import io.firebreak.events.Topics;
import io.firebreak.monitoring.bucket.BucketService;
import io.firebreak.monitoring.bucket.MentionTally;
import io.firebreak.monitoring.mention.MentionDtos.Accepted;
import io.firebreak.monitoring.mention.MentionDtos.IngestionReport;
import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.monitoring.mention.MentionDtos.Rejected;
import io.firebreak.monitoring.sentiment.Language;
import io.firebreak.monitoring.sentiment.SentimentLabel;
import io.firebreak.monitoring.sentiment.SentimentResult;
import io.firebreak.monitoring.sentiment.SentimentService;
import io.firebreak.monitoring.watch.WatchMatcher;
import io.firebreak.monitoring.watch.WatchService;
import io.firebreak.platform.inbox.ProcessedEvents;
import io.firebreak.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Ingestion: each mention is validated, de-duplicated by source and external id, scored, matched against
 * every watch, stored, and announced on {@code monitoring.mentions-scored.v1} in the same transaction.
 */
@ApplicationScoped
public class MentionService {

    private static final String RAW_CONSUMER = "monitoring-mentions-raw";

    private final MentionRepository mentions;
    private final WatchService watches;
    private final SentimentService sentiment;
    private final Outbox outbox;
    private final ProcessedEvents processedEvents;
    private final Clock clock;
    private final MonitoringConfig config;
    private final BucketService buckets;

    public MentionService(MentionRepository mentions, WatchService watches, SentimentService sentiment,
                          Outbox outbox, ProcessedEvents processedEvents, Clock clock, MonitoringConfig config,
                          BucketService buckets) {
        this.config = config;
        this.buckets = buckets;
        this.mentions = mentions;
        this.watches = watches;
        this.sentiment = sentiment;
        this.outbox = outbox;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    /** A batch from a connector or webhook: bad records are rejected with a reason, the others kept. */
    public Uni<IngestionReport> ingest(List<MentionInput> batch) {
        return ingest(batch, List.of());
    }

    /**
     * A batch some records of which could not even be read (their index is in {@code unreadable}, and their input
     * is null): they are rejected as they are, the others validated as usual.
     */
    @WithTransaction
    public Uni<IngestionReport> ingest(List<MentionInput> batch, List<Rejected> unreadable) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Rejected> rejected = new ArrayList<>(unreadable);
        Set<Integer> unreadableIndexes = new HashSet<>();
        unreadable.forEach(record -> unreadableIndexes.add(record.index()));
        Map<String, Indexed> unique = new LinkedHashMap<>();
        int repeated = 0;
        for (int index = 0; index < batch.size(); index++) {
            if (unreadableIndexes.contains(index)) {
                continue;
            }
            MentionInput input = batch.get(index);
            Optional<String> problem = MentionValidation.problem(input, now);
            if (problem.isPresent()) {
                rejected.add(new Rejected(index, input == null ? null : input.externalId(), problem.get()));
            } else if (unique.putIfAbsent(key(input), new Indexed(index, input)) != null) {
                repeated++;
            }
        }
        int repeatedInBatch = repeated;
        return withoutStored(new ArrayList<>(unique.values()))
                .chain(fresh -> watches.matchers().chain(matchers -> store(fresh, matchers, now))
                        .map(accepted -> {
                            int duplicates = repeatedInBatch + unique.size() - fresh.size();
                            Log.infof("Mentions batch: %d stored, %d duplicates, %d rejected", accepted.size(),
                                    duplicates, rejected.size());
                            rejected.sort(Comparator.comparingInt(Rejected::index));
                            return new IngestionReport(accepted, duplicates, List.copyOf(rejected));
                        }));
    }

    /** A mention from {@code mentions.raw.v1}; a redelivered event or an invalid one changes nothing. */
    @WithTransaction
    public Uni<Void> ingest(CloudEvent<MentionReceived> event) {
        return processedEvents.firstDelivery(RAW_CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            MentionReceived raw = event.data();
            MentionInput input = raw == null ? null : new MentionInput(raw.source(), raw.externalId(), raw.author(),
                    raw.text(), raw.language(), raw.url(), raw.publishedAt(), raw.reach(), raw.engagement());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Optional<String> problem = MentionValidation.problem(input, now);
            if (problem.isPresent()) {
                Log.warnf("Mention event %s rejected: %s", event.id(), problem.get());
                return Uni.createFrom().voidItem();
            }
            return withoutStored(List.of(new Indexed(0, input)))
                    .chain(fresh -> watches.matchers().chain(matchers -> store(fresh, matchers, now)))
                    .replaceWithVoid();
        });
    }

    /** Deletes the mentions published longer ago than the retention. Idempotent: any replica may run it. */
    @WithTransaction
    public Uni<Long> purgeExpired() {
        Instant limit = clock.instant().minus(config.mentions().retention());
        return mentions.deletePublishedBefore(limit)
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.infof("Deleted %d mentions published before %s", deleted, limit);
                    }
                });
    }

    private Uni<List<Indexed>> withoutStored(List<Indexed> candidates) {
        Map<String, List<String>> idsBySource = new LinkedHashMap<>();
        for (Indexed candidate : candidates) {
            idsBySource.computeIfAbsent(candidate.input().source(), source -> new ArrayList<>())
                    .add(candidate.input().externalId());
        }
        Set<String> stored = new HashSet<>();
        Uni<Void> lookups = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> entry : idsBySource.entrySet()) {
            lookups = lookups.chain(() -> mentions.storedExternalIds(entry.getKey(), entry.getValue())
                    .invoke(ids -> ids.forEach(id -> stored.add(entry.getKey() + "\u0000" + id)))
                    .replaceWithVoid());
        }
        return lookups.map(done -> candidates.stream()
                .filter(candidate -> !stored.contains(key(candidate.input())))
                .toList());
    }

    private Uni<List<Accepted>> store(List<Indexed> fresh, List<WatchMatcher> matchers, Instant now) {
        List<Accepted> accepted = new ArrayList<>(fresh.size());
        SortedMap<UUID, MentionTally> byWatch = new TreeMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Indexed candidate : fresh) {
            MentionInput input = candidate.input();
            SentimentResult result = sentiment.analyze(input.text(), Language.fromCode(input.language()).orElse(null));
            String language = input.language() != null ? input.language() : result.language().code();
            List<UUID> watchIds = matchers.stream()
                    .filter(matcher -> matcher.matches(input.text(), language, input.source()))
                    .map(WatchMatcher::watchId)
                    .toList();
            Mention mention = Mention.scored(input, language, result.label().lowerCase(), result.score(), watchIds,
                    now);
            accepted.add(new Accepted(candidate.index(), mention.getId(), language, mention.getSentimentLabel(),
                    mention.getSentimentScore(), watchIds));
            MentionTally tally = MentionTally.of(result.label() == SentimentLabel.NEGATIVE, result.score());
            watchIds.forEach(watchId -> byWatch.merge(watchId, tally, MentionTally::plus));
            // Keyed by watch, so that one watch's mentions stay in order on one partition.
            String key = watchIds.isEmpty() ? mention.getId().toString() : watchIds.get(0).toString();
            chain = chain.chain(() -> mentions.persist(mention))
                    .chain(() -> outbox.publish(Topics.MENTIONS_SCORED, EventTypes.MENTION_SCORED, key, scored(mention)))
                    .replaceWithVoid();
        }
        return chain.chain(() -> buckets.record(byWatch, now)).replaceWith(accepted);
    }

    private static MentionScored scored(Mention mention) {
        return new MentionScored(mention.getId(), mention.getSource(), mention.getExternalId(), mention.getAuthor(),
                mention.getText(), mention.getUrl(), mention.getPublishedAt(), mention.getLanguage(),
                mention.getSentimentLabel(), mention.getSentimentScore(), mention.getWatchIds());
    }

    private static String key(MentionInput input) {
        return input.source() + "\u0000" + input.externalId();
    }

    private record Indexed(int index, MentionInput input) {
    }
}
