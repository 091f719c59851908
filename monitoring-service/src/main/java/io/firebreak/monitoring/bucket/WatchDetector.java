package io.firebreak.monitoring.bucket;

import io.firebreak.monitoring.detection.DetectorParameters;
import io.firebreak.monitoring.detection.SurgeDetector;

/**
 * The online detector of one watch: fed one closed bucket's volume at a time, no look-ahead, deterministic (the
 * same buckets in the same order give the same answers, which is how its state is rebuilt after a restart).
 *
 * <p>Two {@link SurgeDetector}s with the configured parameters read the same series: one whose season is a day of
 * buckets, one whose season is a week. Until a whole week has been seen the weekly one knows nothing the daily one
 * does not, so the daily score speaks alone; after that a bucket is only surprising if it is surprising under both
 * rhythms (the smaller score), so that a Monday-morning peak the week has taught is not a crisis. A
 * {@link Baseline} beside them gives the expected volume and its band for charts and signals. Not thread-safe.
 */
public final class WatchDetector {

    private final SurgeDetector daily;
    private final SurgeDetector weekly;
    private final Baseline baseline;
    private final int warmup;
    private final int week;
    private long seen;

    public WatchDetector(DetectorParameters parameters, int bucketsPerDay) {
        this.daily = new SurgeDetector(parameters.withSeason(bucketsPerDay));
        this.week = bucketsPerDay * 7;
        this.weekly = new SurgeDetector(parameters.withSeason(week));
        this.baseline = new Baseline(parameters.halfLife(), bucketsPerDay, parameters.clip(), parameters.warmup());
        this.warmup = parameters.warmup();
    }

    /** What the detector made of one closed bucket. */
    public record Assessment(double score, double expected, double low, double high, boolean warmedUp) {
    }

    public Assessment next(long volume) {
        Baseline.Band band = baseline.next(volume);
        double dailyScore = daily.next(volume).score();
        double weeklyScore = weekly.next(volume).score();
        seen++;
        double score = seen > week ? Math.min(dailyScore, weeklyScore) : dailyScore;
        return new Assessment(score, band.expected(), band.low(), band.high(), seen > warmup);
    }

    public long seen() {
        return seen;
    }
}
