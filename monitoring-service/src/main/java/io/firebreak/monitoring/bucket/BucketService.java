package io.firebreak.monitoring.bucket;

import io.firebreak.monitoring.bucket.SeriesDtos.Point;
import io.firebreak.monitoring.bucket.SeriesDtos.Series;
import io.firebreak.monitoring.signal.SignalService;
import io.firebreak.monitoring.watch.WatchRepository;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/** Fills the watches' buckets as mentions arrive, and reads them back as a series for charts. */
@ApplicationScoped
public class BucketService {

    private final BucketRepository buckets;
    private final WatchRepository watches;
    private final SignalService signals;
    private final BucketCloser closer;

    public BucketService(BucketRepository buckets, WatchRepository watches, SignalService signals,
                         BucketCloser closer) {
        this.buckets = buckets;
        this.watches = watches;
        this.signals = signals;
        this.closer = closer;
    }

    /**
     * Adds mentions received now to each watch's open bucket, inside the caller's (ingestion) transaction on
     * {@code connection}. The watches' detection rows are share-locked meanwhile, so a bucket cannot close while
     * mentions are being added to it; a mention arriving after its bucket closed goes to the open one.
     */
    public Uni<Void> record(SqlConnection connection, SortedMap<UUID, MentionTally> byWatch, Instant receivedAt) {
        return buckets.add(connection, byWatch, closer.grid().floor(receivedAt));
    }

    /**
     * The watch's buckets in [from, to) summed by step: volume, negative share, mean sentiment, the band the
     * detector expected (for closed buckets), and the signals whose window overlaps.
     */
    @WithSession
    public Uni<Series> series(UUID watchId, Instant from, Instant to, Duration step) {
        BucketGrid grid = closer.grid();
        if (step.toMillis() % grid.length().toMillis() != 0) {
            throw ProblemException.invalid("invalid-series", "step must be a multiple of the bucket length "
                    + grid.length(), List.of(new Problem.FieldError("step",
                    "must be a multiple of " + grid.length())));
        }
        return watches.findById(watchId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("watch", watchId))
                .chain(watch -> buckets.detection(watchId))
                .chain(state -> {
                    Instant detectionStart = state == null ? from : state.getDetectionStart();
                    Instant closedUntil = state == null ? from : state.getClosedUntil();
                    Instant readFrom = state == null || from.isBefore(detectionStart) ? from : detectionStart;
                    return buckets.between(watchId, readFrom, to)
                            .chain(rows -> signals.overlapping(watchId, from, to)
                                    .map(signalViews -> new Series(watchId, from, to, step, grid.length(),
                                            points(state, rows, from, to, step, closedUntil), signalViews)));
                });
    }

    private List<Point> points(WatchDetection state, List<BucketRepository.Row> rows, Instant from, Instant to,
                               Duration step, Instant closedUntil) {
        BucketGrid grid = closer.grid();
        // The expected band is what the detector expected of each closed bucket: replay it, as the closer fed it.
        WatchDetector detector = closer.newDetector();
        List<Point> points = new ArrayList<>();
        int next = 0;
        Instant firstBucket = state == null ? from : state.getDetectionStart();
        if (from.isBefore(firstBucket)) {
            firstBucket = from;
        }
        PointBuilder current = null;
        for (Instant start = firstBucket; start.isBefore(to); start = grid.next(start)) {
            while (next < rows.size() && rows.get(next).start().isBefore(start)) {
                next++;
            }
            BucketRepository.Row row = next < rows.size() && rows.get(next).start().equals(start) ? rows.get(next)
                    : null;
            long volume = row == null ? 0 : row.volume();
            boolean closed = state != null && !start.isBefore(state.getDetectionStart())
                    && start.isBefore(closedUntil);
            WatchDetector.Assessment assessment = closed ? detector.next(volume) : null;
            if (start.isBefore(from)) {
                continue;
            }
            Instant pointStart = from.plus(step.multipliedBy(Duration.between(from, start).toMillis()
                    / step.toMillis()));
            if (current == null || !current.start.equals(pointStart)) {
                if (current != null) {
                    points.add(current.build());
                }
                current = new PointBuilder(pointStart);
            }
            current.add(row, assessment);
        }
        if (current != null) {
            points.add(current.build());
        }
        return points;
    }

    /** Sums the buckets of one step. */
    private static final class PointBuilder {
        final Instant start;
        long volume;
        long negative;
        double sentimentSum;
        double expected;
        double low;
        double high;
        boolean allClosed = true;
        double maxScore;

        PointBuilder(Instant start) {
            this.start = start;
        }

        void add(BucketRepository.Row row, WatchDetector.Assessment assessment) {
            if (row != null) {
                volume += row.volume();
                negative += row.negative();
                sentimentSum += row.sentimentSum();
            }
            if (assessment == null) {
                allClosed = false;
            } else {
                expected += assessment.expected();
                low += assessment.low();
                high += assessment.high();
                maxScore = Math.max(maxScore, assessment.score());
            }
        }

        Point build() {
            return new Point(start, volume, volume == 0 ? null : (double) negative / volume,
                    volume == 0 ? null : sentimentSum / volume, allClosed ? expected : null,
                    allClosed ? low : null, allClosed ? high : null, allClosed ? maxScore : null);
        }
    }
}
