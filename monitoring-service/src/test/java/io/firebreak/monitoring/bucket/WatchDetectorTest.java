package io.firebreak.monitoring.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.monitoring.detection.DetectorParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WatchDetectorTest {

    private static final int PER_DAY = 24;

    /** Hourly buckets with a daily rhythm (busy afternoons), weekends quieter, and a surge at the end. */
    private static long[] series(int days) {
        Random random = new Random(7);
        long[] counts = new long[days * PER_DAY + 3];
        for (int i = 0; i < days * PER_DAY; i++) {
            int hour = i % PER_DAY;
            boolean weekend = (i / PER_DAY) % 7 >= 5;
            double level = (hour >= 12 && hour < 20 ? 40 : 10) * (weekend ? 0.3 : 1);
            counts[i] = Math.round(level * (0.85 + 0.3 * random.nextDouble()));
        }
        counts[days * PER_DAY] = 400;
        counts[days * PER_DAY + 1] = 500;
        counts[days * PER_DAY + 2] = 450;
        return counts;
    }

    private static List<WatchDetector.Assessment> run(WatchDetector detector, long[] counts, int from, int to) {
        List<WatchDetector.Assessment> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(detector.next(counts[i]));
        }
        return out;
    }

    @Test
    void aReplayedDetectorAnswersExactlyAsTheOneThatNeverStopped() {
        long[] counts = series(10);
        int restartAt = 9 * PER_DAY + 5;
        WatchDetector uninterrupted = new WatchDetector(DetectorParameters.DEFAULTS, PER_DAY);
        List<WatchDetector.Assessment> expected = run(uninterrupted, counts, 0, counts.length);

        WatchDetector before = new WatchDetector(DetectorParameters.DEFAULTS, PER_DAY);
        run(before, counts, 0, restartAt);
        WatchDetector replayed = new WatchDetector(DetectorParameters.DEFAULTS, PER_DAY);
        run(replayed, counts, 0, restartAt);
        List<WatchDetector.Assessment> after = run(replayed, counts, restartAt, counts.length);

        assertThat(after).isEqualTo(expected.subList(restartAt, counts.length));
    }

    @Test
    void theSurgeScoresHighAndTheRoutineAfternoonPeakDoesNot() {
        long[] counts = series(15);
        List<WatchDetector.Assessment> out = run(new WatchDetector(DetectorParameters.DEFAULTS, PER_DAY), counts, 0,
                counts.length);
        int surge = 15 * PER_DAY;
        assertThat(out.get(surge).score()).isGreaterThan(DetectorParameters.DEFAULTS.threshold());
        assertThat(out.get(surge).warmedUp()).isTrue();
        // Last weekday's afternoon (day 11, a Friday) is routine once two weeks were learned.
        int fridayAfternoon = 11 * PER_DAY + 14;
        assertThat(out.get(fridayAfternoon).score()).isLessThan(DetectorParameters.DEFAULTS.threshold());
    }

    @Test
    void theExpectedBandHoldsTheRoutineVolume() {
        long[] counts = series(15);
        List<WatchDetector.Assessment> out = run(new WatchDetector(DetectorParameters.DEFAULTS, PER_DAY), counts, 0,
                counts.length);
        int inside = 0;
        int total = 0;
        for (int i = 14 * PER_DAY; i < 15 * PER_DAY; i++) {
            total++;
            if (counts[i] >= out.get(i).low() - 1 && counts[i] <= out.get(i).high() + 1) {
                inside++;
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(total * 8 / 10);
        assertThat(counts[15 * PER_DAY]).isGreaterThan((long) out.get(15 * PER_DAY).high());
    }

    @Test
    void theGridIsAlignedOnTheEpochAndADayIsAWholeNumberOfBuckets() {
        BucketGrid grid = new BucketGrid(Duration.ofMinutes(5));
        assertThat(grid.floor(Instant.parse("2026-11-23T10:07:31Z"))).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
        assertThat(grid.perDay()).isEqualTo(288);
        assertThatThrownBy(() -> new BucketGrid(Duration.ofMinutes(7))).isInstanceOf(IllegalArgumentException.class);
    }
}
