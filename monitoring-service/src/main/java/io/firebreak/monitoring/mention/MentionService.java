package io.firebreak.monitoring.mention;

import io.firebreak.events.CloudEvent;
import io.firebreak.events.MentionReceived;
import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.monitoring.mention.MentionDtos.Accepted;
import io.firebreak.monitoring.mention.MentionDtos.IngestionReport;
import io.firebreak.monitoring.mention.MentionDtos.MentionView;
import io.firebreak.monitoring.mention.MentionDtos.Rejected;
import io.firebreak.monitoring.messaging.ScoredMentionPublisher;
import io.firebreak.monitoring.sentiment.Language;
import io.firebreak.monitoring.sentiment.SentimentResult;
import io.firebreak.monitoring.sentiment.SentimentService;
import io.firebreak.monitoring.watch.WatchMatcher;
import io.firebreak.monitoring.watch.WatchRepository;
import io.firebreak.monitoring.watch.WatchService;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ingestion and the inbox. A batch (a REST request, or one Kafka poll) is validated record by record,
 * de-duplicated, scored and matched against every watch in plain Java, stored with its bucket counts in one
 * transaction ({@link MentionWriter}), then announced on {@code monitoring.mentions-scored.v1}
 * ({@link ScoredMentionPublisher}) before the batch is answered or acknowledged.
 */
@ApplicationScoped
public class MentionService {

    private final MentionRepository mentions;
    private final MentionWriter writer;
    private final WatchService watches;
    private final WatchRepository watchRepository;
    private final SentimentService sentiment;
    private final Clock clock;
    private final MonitoringConfig config;
    private final OutboxRelay relay;
    private final ScoredMentionPublisher publisher;

    public MentionService(MentionRepository mentions, MentionWriter writer, WatchService watches,
                          WatchRepository watchRepository, SentimentService sentiment, Clock clock,
                          MonitoringConfig config, OutboxRelay relay, ScoredMentionPublisher publisher) {
        this.relay = relay;
        this.publisher = publisher;
        this.mentions = mentions;
        this.writer = writer;
        this.watches = watches;
        this.watchRepository = watchRepository;
        this.sentiment = sentiment;
        this.clock = clock;
        this.config = config;
    }

    /** A batch from a connector or webhook: bad records are rejected with a reason, the others kept. */
    public Uni<IngestionReport> ingest(List<MentionInput> batch) {
        return ingest(batch, List.of());
    }

    /**
     * A batch some records of which could not even be read (their index is in {@code unreadable}, and their input
     * is null): they are rejected as they are, the others validated as usual.
     */
    @WithSession
    public Uni<IngestionReport> ingest(List<MentionInput> batch, List<Rejected> unreadable) {
        Instant now = now();
        List<Rejected> rejected = new ArrayList<>(unreadable);
        Set<Integer> unreadableIndexes = new HashSet<>();
        unreadable.forEach(record -> unreadableIndexes.add(record.index()));
        Map<String, Integer> unique = new LinkedHashMap<>();
        int repeated = 0;
        for (int index = 0; index < batch.size(); index++) {
            if (unreadableIndexes.contains(index)) {
                continue;
            }
            MentionInput input = batch.get(index);
            Optional<String> problem = MentionValidation.problem(input, now);
            if (problem.isPresent()) {
                rejected.add(new Rejected(index, input == null ? null : input.externalId(), problem.get()));
            } else if (unique.putIfAbsent(key(input), index) != null) {
                repeated++;
            }
        }
        int repeatedInBatch = repeated;
        return watches.matchers().chain(matchers -> {
            Map<UUID, Integer> indexById = new HashMap<>();
            List<ScoredMention> scored = new ArrayList<>(unique.size());
            for (int index : unique.values()) {
                ScoredMention mention = score(batch.get(index), matchers, now);
                indexById.put(mention.id(), index);
                scored.add(mention);
            }
            return writer.write(scored, List.of(), now)
                    .call(written -> publisher.announce(written.announcements()).onFailure()
                            .transform(failure -> new ProblemException(503, "mentions-not-announced",
                                    "Mentions stored but not announced", "The mentions are stored but their"
                                    + " scored events could not be sent (" + failure.getMessage() + "); send the"
                                    + " batch again: nothing is stored twice and the events are sent then.")))
                    .map(written -> report(written.stored(), indexById, repeatedInBatch + unique.size(), rejected));
        });
    }

    private static IngestionReport report(List<ScoredMention> stored, Map<UUID, Integer> indexById, int candidates,
                                          List<Rejected> rejected) {
        List<Accepted> accepted = stored.stream()
                .map(mention -> new Accepted(indexById.get(mention.id()), mention.id(), mention.language(),
                        mention.sentimentLabel(), mention.sentimentScore(), mention.watchIds()))
                .toList();
        int duplicates = candidates - stored.size();
        Log.infof("Mentions batch: %d stored, %d duplicates, %d rejected", accepted.size(), duplicates,
                rejected.size());
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return new IngestionReport(accepted, duplicates, List.copyOf(rejected));
    }

    /**
     * One poll of {@code mentions.raw.v1}, in one transaction. A redelivered event (its post is already stored)
     * changes nothing but is announced again; an invalid mention is logged and skipped; {@code deadLetters} (records that could not be
     * read) are committed to the dead-letter topic's outbox with the batch, so that nothing else is lost.
     */
    @WithSession
    public Uni<Void> ingestEvents(List<CloudEvent<MentionReceived>> events, List<Outbox.Row> deadLetters) {
        Instant now = now();
        return watches.matchers().chain(matchers -> {
            Set<String> seen = new HashSet<>();
            List<ScoredMention> scored = new ArrayList<>(events.size());
            for (CloudEvent<MentionReceived> event : events) {
                MentionReceived raw = event.data();
                MentionInput input = new MentionInput(raw.source(), raw.externalId(), raw.author(), raw.text(),
                        raw.language(), raw.url(), raw.publishedAt(), raw.reach(), raw.engagement());
                Optional<String> problem = MentionValidation.problem(input, now);
                if (problem.isPresent()) {
                    Log.warnf("Mention event %s rejected: %s", event.id(), problem.get());
                } else if (seen.add(key(input))) {
                    scored.add(score(input, matchers, now));
                }
            }
            return writer.write(scored, deadLetters, now)
                    .invoke(() -> relayIfAny(deadLetters.size()))
                    .call(written -> publisher.announce(written.announcements()))
                    .invoke(written -> Log.debugf("Mention events: %d received, %d stored, %d dead letters",
                            events.size(), written.stored().size(), deadLetters.size()))
                    .replaceWithVoid();
        });
    }

    /**
     * A watch's mentions, most urgent first (MentionPriority; ties newest first), filtered and paged.
     * Unknown watch: 404.
     */
    @WithSession
    public Uni<List<MentionView>> inbox(MentionFilter filter, int page, int size) {
        return watchRepository.findById(filter.watchId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("watch", filter.watchId()))
                .chain(watch -> mentions.prioritised(filter, page, size))
                .map(found -> {
                    Instant now = clock.instant();
                    return found.stream().map(mention -> MentionView.of(mention, now)).toList();
                });
    }

    @WithSession
    public Uni<MentionView> get(UUID id) {
        return mentions.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("mention", id))
                .map(mention -> MentionView.of(mention, clock.instant()));
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

    /** Dead letters just committed leave now rather than at the relay's next tick (which also sends them if this fails). */
    private void relayIfAny(int events) {
        if (events > 0) {
            relay.relaySoon();
        }
    }

    private ScoredMention score(MentionInput input, List<WatchMatcher> matchers, Instant now) {
        SentimentResult result = sentiment.analyze(input.text(), Language.fromCode(input.language()).orElse(null));
        String language = input.language() != null ? input.language() : result.language().code();
        List<UUID> watchIds = WatchMatcher.matching(matchers, input.text(), language, input.source());
        return ScoredMention.of(input, language, result.label().lowerCase(), result.score(),
                QuestionDetector.isQuestion(input.text()), watchIds, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String key(MentionInput input) {
        return input.source() + "\u0000" + input.externalId();
    }
}
