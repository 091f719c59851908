package io.firebreak.monitoring.detection;

import java.util.Arrays;

/**
 * Online surge detector over a series of bucket counts, one point at a time, no look-ahead.
 *
 * <p>Counts are log-transformed (surges are multiplicative). The expected value of a point is the median of the
 * points at the same time of the cycle (give or take {@code seasonSpan}) over the last {@code seasonDays} cycles:
 * it knows the daily rhythm, and a past surge, being one value among many, does not raise it. Until a whole cycle
 * has been seen, an exponentially weighted mean stands in. The spread is an exponentially weighted deviation of
 * residuals clipped before learning, so one surge does not become the norm.
 *
 * <p>Three things make the z-score an alert:
 * <ul>
 * <li>a short-horizon mean of it, amplified, also counts, so a build-up of moderately high points alerts before
 * any single point is extreme;</li>
 * <li>on a spiky series, where big z-scores are routine, they are scaled down: the detector follows online the
 * z-score that one point in a hundred exceeds and compares it with that of a well-behaved series;</li>
 * <li>a cumulative sum of the z-score above a drift (a CUSUM) catches a rise too moderate for any point to stand
 * out but sustained for hours; it then scores the threshold.</li>
 * </ul>
 * The score is a squashed upward z-score (only more volume than expected is a surge); an alert opens a cooldown and
 * empties the sum, so a lasting surge gives one alert, not a flapping series of them. Not thread-safe: one instance
 * per series.
 */
public final class SurgeDetector {

    private static final double MIN_SPREAD = 0.1;
    /** The share of points whose z-score exceeds the tracked tail estimate: one in a hundred. */
    private static final double TAIL_SHARE = 0.01;
    /** A single extreme point adds at most this much to the sustained-rise sum: that sum is for lasting rises. */
    private static final double DRIFT_CAP = 6;

    private final DetectorParameters parameters;
    private final double alpha;
    /** Log counts of the last {@code seasonDays} cycles, as a ring; empty without a season. */
    private final float[] history;
    /** Scratch space for the median of the expected value. */
    private final double[] sameTime;
    private long seen;
    /** Exponentially weighted mean of the log counts: the expected value until a whole cycle has been seen. */
    private double level;
    private double variance;
    /** Short-horizon exponential mean of the z-score: a build-up of moderately high points is caught early. */
    private double smoothZ;
    /** Online estimate of the z-score that one point in a hundred exceeds on this series. */
    private double tail;
    /** Cumulative sum of the z-score above the drift (CUSUM). */
    private double rise;
    private long quietUntil;

    public SurgeDetector(DetectorParameters parameters) {
        this.parameters = parameters;
        this.alpha = 1 - Math.pow(0.5, 1.0 / parameters.halfLife());
        this.history = new float[parameters.season() == 0 ? 0
                : parameters.seasonDays() * parameters.season() + parameters.seasonSpan() + 1];
        this.sameTime = new double[parameters.seasonDays() * (2 * parameters.seasonSpan() + 1)];
        this.tail = parameters.tailReference();
    }

    /** Scores the next bucket count (negative counts are treated as 0) and learns from it. */
    public DetectorOutput next(double count) {
        double x = Math.log1p(Math.max(0, count));
        seen++;
        if (seen == 1) {
            level = x;
            remember(x);
            return new DetectorOutput(0, false);
        }
        double expected = history.length > 0 && seen > parameters.season() ? sameTimeMedian() : level;
        double spread = Math.max(MIN_SPREAD, Math.sqrt(variance));
        double z = (x - expected) / spread;
        smoothZ += parameters.smoothing() * (z - smoothZ);
        if (parameters.smoothing() > 0) {
            z = Math.max(z, smoothZ * parameters.smoothGain());
        }
        double scaled = parameters.tailReference() > 0 ? z * Math.min(1, parameters.tailReference() / tail) : z;
        if (parameters.drift() > 0) {
            rise = Math.max(0, rise + Math.min(scaled, DRIFT_CAP) - parameters.drift());
        }
        double score = scaled <= 0 ? 0 : scaled / (scaled + parameters.zScale());
        if (parameters.drift() > 0 && rise >= parameters.driftLimit()) {
            score = Math.max(score, parameters.threshold());
        }
        boolean warm = seen > parameters.warmup();
        boolean alert = warm && seen > quietUntil && score >= parameters.threshold();
        if (alert) {
            quietUntil = seen + parameters.cooldown();
            rise = 0;
        }
        if (warm && parameters.tailReference() > 0) {
            // Stochastic quantile tracking: up by (1 - share) when exceeded, down by share otherwise.
            tail += z > tail ? parameters.tailRate() * (1 - TAIL_SHARE) : -parameters.tailRate() * TAIL_SHARE;
            tail = Math.max(parameters.tailReference(), tail);
        }
        learn(x, expected, spread);
        remember(x);
        return new DetectorOutput(score, alert);
    }

    private void learn(double x, double expected, double spread) {
        // Faster learning while warming up (1/n), then the exponential weight.
        double weight = Math.max(alpha, 1.0 / seen);
        double limit = seen <= parameters.warmup() ? Double.MAX_VALUE : parameters.clip() * spread;
        level += weight * Math.max(-limit, Math.min(limit, x - level));
        double residual = Math.max(-limit, Math.min(limit, x - expected));
        variance = (1 - weight) * (variance + weight * residual * residual);
    }

    private void remember(double x) {
        if (history.length > 0) {
            history[(int) (seen % history.length)] = (float) x;
        }
    }

    /** The median of the points at the same time of the past cycles, give or take the span. */
    private double sameTimeMedian() {
        int season = parameters.season();
        int span = parameters.seasonSpan();
        int n = 0;
        for (int cycle = 1; cycle <= parameters.seasonDays(); cycle++) {
            long center = seen - (long) cycle * season;
            for (long at = center - span; at <= center + span; at++) {
                if (at >= 1 && at < seen) {
                    sameTime[n++] = history[(int) (at % history.length)];
                }
            }
        }
        Arrays.sort(sameTime, 0, n);
        return n % 2 == 1 ? sameTime[n / 2] : (sameTime[n / 2 - 1] + sameTime[n / 2]) / 2;
    }
}
