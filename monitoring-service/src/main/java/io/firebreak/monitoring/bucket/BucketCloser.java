package io.firebreak.monitoring.bucket;

import io.firebreak.monitoring.config.MonitoringConfig;
import io.firebreak.monitoring.signal.SignalLifecycle;
import io.firebreak.monitoring.signal.SignalLifecycle.Bucket;
import io.firebreak.monitoring.signal.SignalLifecycle.Episode;
import io.firebreak.monitoring.signal.SignalLifecycle.Step;
import io.firebreak.monitoring.signal.SignalService;
import io.firebreak.monitoring.watch.Watch;
import io.firebreak.monitoring.watch.WatchRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Closes the buckets whose time is over, for every watch, and runs each closed bucket through the watch's detector
 * and signal lifecycle.
 *
 * <p>One pass at a time across the replicas: a pass holds a transaction-scoped advisory lock, and a replica that
 * cannot take it skips its turn. Closing a watch's buckets, the signal changes they cause, their events (outbox)
 * and the watch's new {@code closedUntil} are one transaction, so a crash repeats a pass whole or not at all.
 *
 * <p>The detectors live in memory, each with the bucket it has been fed up to. When that is not where the database
 * says the watch's buckets are closed (after a restart, a failed pass, or a pass another replica ran), the detector
 * is rebuilt by replaying the watch's stored buckets from its detection start: the same buckets give the same
 * detector, so no signal is missed or raised twice.
 */
@ApplicationScoped
public class BucketCloser {

    private final BucketRepository buckets;
    private final WatchRepository watches;
    private final SignalService signals;
    private final Clock clock;
    private final BucketGrid grid;
    private final MonitoringConfig config;
    private final SignalLifecycle lifecycle;
    private final Map<UUID, Fed> detectors = new ConcurrentHashMap<>();

    public BucketCloser(BucketRepository buckets, WatchRepository watches, SignalService signals, Clock clock,
                        MonitoringConfig config) {
        this.buckets = buckets;
        this.watches = watches;
        this.signals = signals;
        this.clock = clock;
        this.config = config;
        this.grid = new BucketGrid(config.buckets().length());
        MonitoringConfig.Signals rules = config.signals();
        this.lifecycle = new SignalLifecycle(new SignalLifecycle.Rules(config.detection().threshold(),
                rules.releaseScore(), rules.minNegativeShare(), rules.minVolume(), rules.quietBuckets(),
                rules.cooldownBuckets()), config.buckets().length());
    }

    /** A detector, the bucket it was first fed and the bucket start it has been fed up to (exclusive). */
    private static final class Fed {
        final WatchDetector detector;
        final Instant from;
        Instant until;

        Fed(WatchDetector detector, Instant from, Instant until) {
            this.detector = detector;
            this.from = from;
            this.until = until;
        }
    }

    /** Closes what is due now; the number of buckets closed, or -1 when another pass holds the claim. */
    public Uni<Integer> closeDue() {
        return closeDue(clock.instant());
    }

    /**
     * Closes, for every watch, the buckets that ended at least the grace period before {@code now}: the number
     * closed, or -1 when another pass (this replica's or another's) holds the claim.
     */
    @WithTransaction
    public Uni<Integer> closeDue(Instant now) {
        Instant target = grid.floor(now.minus(config.buckets().grace()));
        return buckets.claimClosing().chain(claimed -> {
            if (!claimed) {
                return Uni.createFrom().item(-1);
            }
            return watches.listAll().chain(list -> {
                Uni<Integer> pass = Uni.createFrom().item(0);
                for (Watch watch : list) {
                    pass = pass.chain(closed -> close(watch, target, now).map(more -> closed + more));
                }
                return pass;
            });
        });
    }

    /** Forgets every detector, as a restart does; the next pass rebuilds them from the stored buckets. */
    public void forgetDetectors() {
        detectors.clear();
    }

    /** A fresh detector fed with the watch's closed buckets, the same way the passes fed them. */
    WatchDetector replay(WatchDetection state, List<BucketRepository.Row> rows) {
        WatchDetector detector = newDetector();
        feed(detector, state.getDetectionStart(), state.getClosedUntil(), rows, null);
        return detector;
    }

    WatchDetector newDetector() {
        return new WatchDetector(config.detection().parameters(), grid.perDay());
    }

    public BucketGrid grid() {
        return grid;
    }

    private Uni<Integer> close(Watch watch, Instant target, Instant now) {
        UUID watchId = watch.getId();
        Instant start = grid.floor(watch.getCreatedAt());
        if (!start.isBefore(target)) {
            return Uni.createFrom().item(0);
        }
        return buckets.ensureDetection(watchId, start)
                .chain(() -> buckets.detection(watchId, LockModeType.PESSIMISTIC_WRITE))
                .chain(state -> {
                    if (!state.getClosedUntil().isBefore(target)) {
                        return Uni.createFrom().item(0);
                    }
                    return detector(state)
                            .chain(fed -> buckets.between(watchId, state.getClosedUntil(), target)
                                    .chain(rows -> closeBuckets(watch, state, fed, rows, target, now)));
                });
    }

    private Uni<Fed> detector(WatchDetection state) {
        Fed fed = detectors.get(state.getWatchId());
        // A detection start moved back (history imported) means older buckets to learn from: rebuilt too.
        if (fed != null && state.getClosedUntil().equals(fed.until) && fed.from.equals(state.getDetectionStart())) {
            return Uni.createFrom().item(fed);
        }
        return buckets.between(state.getWatchId(), state.getDetectionStart(), state.getClosedUntil())
                .map(rows -> {
                    Fed rebuilt = new Fed(replay(state, rows), state.getDetectionStart(), state.getClosedUntil());
                    detectors.put(state.getWatchId(), rebuilt);
                    Log.infof("Detector of watch %s rebuilt from %d stored buckets up to %s", state.getWatchId(),
                            rows.size(), state.getClosedUntil());
                    return rebuilt;
                });
    }

    private Uni<Integer> closeBuckets(Watch watch, WatchDetection state, Fed fed, List<BucketRepository.Row> rows,
                                      Instant target, Instant now) {
        Instant changedAt = now.truncatedTo(ChronoUnit.MILLIS);
        // The lifecycle runs over every bucket first; the signal changes it asks for are then applied in order.
        Episode[] episode = {state.episode()};
        UUID[] signalId = {state.getSignalId()};
        Uni<Void> changes = Uni.createFrom().voidItem();
        List<Bucket> closed = new ArrayList<>();
        // Until this pass commits, the detector is ahead of the database: a failed pass then rebuilds it.
        fed.until = null;
        feed(fed.detector, state.getClosedUntil(), target, rows, closed::add);
        for (Bucket bucket : closed) {
            Step step = lifecycle.next(episode[0], bucket);
            episode[0] = step.episode();
            switch (step.change()) {
                case RAISED -> changes = changes.chain(() -> signals.raiseDetected(watch.getId(), watch.getName(),
                        step.episode().severity(), bucket, changedAt)
                        .invoke(id -> signalId[0] = id).replaceWithVoid());
                case GREW, ESCALATED -> changes = changes.chain(() -> signals.grow(signalId[0],
                        step.episode().severity(), bucket, changedAt));
                case CLOSED -> changes = changes.chain(() -> signals.closeDetected(signalId[0], changedAt)
                        .invoke(() -> signalId[0] = null));
                case NONE, QUIET -> {
                }
            }
        }
        fed.until = target;
        return changes.invoke(() -> state.closedUntil(target, episode[0], signalId[0]))
                .replaceWith(closed.size());
    }

    /** Feeds the buckets starting in [from, to) to the detector, the missing ones as empty. */
    private void feed(WatchDetector detector, Instant from, Instant to, List<BucketRepository.Row> rows,
                      Consumer<Bucket> closed) {
        int next = 0;
        for (Instant start = from; start.isBefore(to); start = grid.next(start)) {
            while (next < rows.size() && rows.get(next).start().isBefore(start)) {
                next++;
            }
            BucketRepository.Row row = next < rows.size() && rows.get(next).start().equals(start) ? rows.get(next)
                    : null;
            long volume = row == null ? 0 : row.volume();
            WatchDetector.Assessment assessment = detector.next(volume);
            if (closed != null) {
                closed.accept(new Bucket(start, grid.next(start), volume, row == null ? 0 : row.negative(),
                        assessment.expected(), assessment.score(), assessment.warmedUp()));
            }
        }
    }
}
