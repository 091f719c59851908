package io.firebreak.monitoring.detection;

/**
 * Parameters of {@link SurgeDetector}; the same for every series (they come from the service configuration).
 * Durations are counted in points (buckets).
 *
 * @param halfLife     points after which an observation weighs half as much in the learned spread (default 1600)
 * @param zScale       z-score (on log counts) at which the anomaly score reaches 0.5 (default 4.0)
 * @param threshold    anomaly score at or above which a point is an alert (default 0.57)
 * @param cooldown     points after an alert during which no new alert is raised, so one surge is one alert (default 288)
 * @param warmup       points learned before any alert can be raised (default 48)
 * @param clip         residuals beyond this many spreads are clipped when learning, so a surge does not become the norm (default 3.5)
 * @param season       points in one seasonal cycle, 0 for none (default 288: one day of 5-minute buckets)
 * @param seasonWeight no longer used: the seasonal baseline is now the median of past seasons ({@code seasonDays});
 *                     kept so that existing configurations still load (default 0.5)
 * @param smoothing    weight in [0, 1) of the newest z-score in its short-horizon mean, 0 for none (default 0.15)
 * @param smoothGain   factor applied to that mean before it competes with the point's own z-score (default 2.5)
 * @param seasonDays   past seasons whose points at the same time of the cycle make the expected value, by their
 *                     median, so one past surge does not move it (default 5)
 * @param seasonSpan   points either side of the same time of the cycle also taken into that median (default 2)
 * @param tailReference z-score that one point in a hundred exceeds on a well-behaved series; a series whose z-scores
 *                     exceed more (a spiky one) has them scaled down by that ratio, 0 for none (default 4.0)
 * @param tailRate     step of the online estimate of that percentile, in z units (default 0.05)
 * @param drift        z-score a point must exceed to add to the sustained-rise sum (a CUSUM), 0 for none (default 1.5)
 * @param driftLimit   sum at which a sustained moderate rise alerts even though no point is extreme (default 150)
 */
public record DetectorParameters(int halfLife, double zScale, double threshold, int cooldown, int warmup, double clip,
        int season, double seasonWeight, double smoothing, double smoothGain, int seasonDays, int seasonSpan,
        double tailReference, double tailRate, double drift, double driftLimit) {

    private static final int DEFAULT_SEASON_DAYS = 5;
    private static final int DEFAULT_SEASON_SPAN = 2;
    private static final double DEFAULT_TAIL_REFERENCE = 4.0;
    private static final double DEFAULT_TAIL_RATE = 0.05;
    private static final double DEFAULT_DRIFT = 1.5;
    private static final double DEFAULT_DRIFT_LIMIT = 150;

    /** Chosen on NAB realTweets (see NabEvaluation); the same as application.properties. */
    public static final DetectorParameters DEFAULTS = new DetectorParameters(1600, 4.0, 0.57, 288, 48, 3.5, 288, 0.5,
            0.15, 2.5, DEFAULT_SEASON_DAYS, DEFAULT_SEASON_SPAN, DEFAULT_TAIL_REFERENCE, DEFAULT_TAIL_RATE,
            DEFAULT_DRIFT, DEFAULT_DRIFT_LIMIT);

    public DetectorParameters {
        if (halfLife < 1 || zScale <= 0 || threshold <= 0 || threshold > 1 || cooldown < 0 || warmup < 1 || clip <= 0
                || season < 0 || seasonWeight <= 0 || seasonWeight > 1
                || smoothing < 0 || smoothing >= 1 || smoothGain <= 0
                || seasonDays < 1 || seasonSpan < 0 || seasonSpan * 2 >= Math.max(1, season)
                || tailReference < 0 || tailRate <= 0 || drift < 0 || driftLimit <= 0) {
            throw new IllegalArgumentException("invalid detector parameters: halfLife>=1, zScale>0, 0<threshold<=1,"
                    + " cooldown>=0, warmup>=1, clip>0, season>=0, 0<seasonWeight<=1, 0<=smoothing<1,"
                    + " smoothGain>0, seasonDays>=1, 0<=seasonSpan<season/2, tailReference>=0, tailRate>0, drift>=0,"
                    + " driftLimit>0");
        }
    }

    /** The first ten parameters; the others take their default values. */
    public DetectorParameters(int halfLife, double zScale, double threshold, int cooldown, int warmup, double clip,
            int season, double seasonWeight, double smoothing, double smoothGain) {
        this(halfLife, zScale, threshold, cooldown, warmup, clip, season, seasonWeight, smoothing, smoothGain,
                DEFAULT_SEASON_DAYS, Math.min(DEFAULT_SEASON_SPAN, Math.max(0, (season - 1) / 2)),
                DEFAULT_TAIL_REFERENCE, DEFAULT_TAIL_RATE, DEFAULT_DRIFT, DEFAULT_DRIFT_LIMIT);
    }

    /** The same parameters with another season length (e.g. a day or a week of buckets of another length). */
    public DetectorParameters withSeason(int points) {
        return new DetectorParameters(halfLife, zScale, threshold, cooldown, warmup, clip, points, seasonWeight,
                smoothing, smoothGain, seasonDays, Math.min(seasonSpan, Math.max(0, (points - 1) / 2)), tailReference,
                tailRate, drift, driftLimit);
    }
}
