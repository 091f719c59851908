package io.firebreak.monitoring.signal;

import io.firebreak.events.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * When a watch's surge becomes a signal, grows, and ends: one crisis is one signal. Plain rules over one closed
 * bucket at a time and the episode's state, which the caller stores (so they survive a restart as they are).
 *
 * <ul>
 *   <li>No episode: a bucket raises one when the detector is warmed up, its score reaches the threshold, its
 *       negative share reaches the minimum (a surge of praise is not a crisis), it has the minimum volume, and the
 *       cooldown of the previous episode is over.</li>
 *   <li>Episode: an elevated bucket (score at or above the release score, volume above the expected one)
 *       extends it and may raise its severity, which only goes up; {@code quietBuckets} quiet buckets in a row
 *       end it, and a cooldown starts so that a surge that ebbs and flows gives one signal, not a flapping
 *       series.</li>
 * </ul>
 */
public final class SignalLifecycle {

    /**
     * @param threshold        score at or above which a bucket raises a signal
     * @param releaseScore     score below which a bucket is quiet
     * @param minNegativeShare negative share a bucket needs to raise a signal
     * @param minVolume        mentions a bucket needs to raise a signal
     * @param quietBuckets     quiet buckets in a row that close the signal
     * @param cooldownBuckets  buckets after a close during which no new signal is raised
     */
    public record Rules(double threshold, double releaseScore, double minNegativeShare, long minVolume,
                        int quietBuckets, int cooldownBuckets) {

        public Rules {
            if (threshold <= 0 || threshold > 1 || releaseScore <= 0 || releaseScore > threshold
                    || minNegativeShare < 0 || minNegativeShare > 1 || minVolume < 1 || quietBuckets < 1
                    || cooldownBuckets < 0) {
                throw new IllegalArgumentException("invalid signal rules: 0<releaseScore<=threshold<=1,"
                        + " 0<=minNegativeShare<=1, minVolume>=1, quietBuckets>=1, cooldownBuckets>=0");
            }
        }
    }

    /** One closed bucket as the lifecycle sees it. */
    public record Bucket(Instant start, Instant end, long volume, long negative, double expected, double score,
                         boolean warmedUp) {

        double negativeShare() {
            return volume == 0 ? 0 : (double) negative / volume;
        }

        /** Observed over expected volume, smoothed by one so that a quiet watch does not divide by zero. */
        double ratio() {
            return (volume + 1.0) / (expected + 1.0);
        }
    }

    /** The episode of a watch: none (no severity), or one whose signal is at this severity. */
    public record Episode(Severity severity, int quiet, Instant cooldownUntil) {

        public static Episode none(Instant cooldownUntil) {
            return new Episode(null, 0, cooldownUntil);
        }

        public boolean active() {
            return severity != null;
        }
    }

    public enum Change {
        /** Nothing to do. */
        NONE,
        /** A new signal. */
        RAISED,
        /** The signal grew (window, volume) at the same severity: stored, not announced. */
        GREW,
        /** The signal's severity went up: stored and announced. */
        ESCALATED,
        /** A quiet bucket inside the episode: only the quiet count moves. */
        QUIET,
        /** The surge subsided: the signal is closed and the cooldown starts. */
        CLOSED
    }

    public record Step(Change change, Episode episode) {
    }

    private final Rules rules;
    private final Duration bucketLength;

    public SignalLifecycle(Rules rules, Duration bucketLength) {
        this.rules = rules;
        this.bucketLength = bucketLength;
    }

    public Step next(Episode episode, Bucket bucket) {
        if (!episode.active()) {
            boolean coolingDown = episode.cooldownUntil() != null && bucket.start().isBefore(episode.cooldownUntil());
            if (bucket.warmedUp() && !coolingDown && bucket.score() >= rules.threshold()
                    && bucket.negativeShare() >= rules.minNegativeShare() && bucket.volume() >= rules.minVolume()) {
                return new Step(Change.RAISED, new Episode(severity(bucket.ratio()), 0, null));
            }
            return new Step(Change.NONE, episode);
        }
        // The detector's short-horizon memory can keep the score up for a bucket after the surge; a bucket at or
        // below its expected volume is quiet whatever the score.
        if (bucket.score() >= rules.releaseScore() && bucket.volume() > bucket.expected()) {
            Severity severity = max(episode.severity(), severity(bucket.ratio()));
            Change change = severity == episode.severity() ? Change.GREW : Change.ESCALATED;
            return new Step(change, new Episode(severity, 0, null));
        }
        int quiet = episode.quiet() + 1;
        if (quiet >= rules.quietBuckets()) {
            return new Step(Change.CLOSED,
                    Episode.none(bucket.end().plus(bucketLength.multipliedBy(rules.cooldownBuckets()))));
        }
        return new Step(Change.QUIET, new Episode(episode.severity(), quiet, null));
    }

    /** By how many times the bucket exceeds what was expected of it. */
    static Severity severity(double ratio) {
        if (ratio >= 10) {
            return Severity.CRITICAL;
        }
        if (ratio >= 5) {
            return Severity.HIGH;
        }
        if (ratio >= 2.5) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
